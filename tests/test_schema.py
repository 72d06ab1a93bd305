"""The JSON Schema in the repo describes real output."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from conftest import SAMPLES
from models import require_models

import quotex


def test_schema_is_valid_and_real_output_conforms():
    require_models()
    schema = json.loads(
        resources.files("quotex").joinpath("schema", "article.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    paths = sorted(SAMPLES.glob("*.txt"))
    items = [(str(p), p.read_text(encoding="utf-8")) for p in paths]
    for article in quotex.extract_many(items):
        data = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, f"{article.source}: {errors[0].message}"
