from quotex.cli import app

app(prog_name="quotex")
