"""The JSON Schema in the repo describes real output."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema


def test_schema_is_valid_and_real_output_conforms(sample_articles):
    schema = json.loads(
        resources.files("quotex").joinpath("schema", "article.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for name, article in sample_articles.items():
        data = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, f"{name}: {errors[0].message}"
