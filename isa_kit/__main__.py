from isa_kit.cli.main import run

run()
