"""Whole-process ``isa-kit build`` of one ISA against a plain docxtpl script doing the same.

Both sides are whole processes, started fresh each time, alternated, each warmed once:

* kit: ``isa-kit build DEMO --only demo-mash-isa`` (the ISA and its signature pack), with the
  compiled-template cache in the work folder. Measured twice: every run after the first
  ("warm": the cache holds the templates) and the first run after the ISA template changed.
  The change is what an author's Word edit does: before every such run one new word
  (``edit<n>``, different each run) is inserted at the start of the plain text of one
  paragraph in the middle of the body (word/document.xml) that also holds a placeholder -
  the middle one of the paragraphs with both a ``{{ ... }}`` and a ``<w:t>`` of plain
  text (in the ISA template: a "Subject access:"-style label before its value);
* baseline: a Python script that loads the same data and builds the same context with the
  kit's own functions, then renders the same two templates with
  ``DocxTemplate(path).render(context, jinja_env=<the kit's environment>)`` and ``save`` -
  what a plain docxtpl script does, with the filters the templates need.

Goal: the kit at least 3x faster than the baseline, warm and after a template change, judged
on the processes' CPU time (wall time is reported too; on a shared machine it is noisier).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    AS_OF,
    ROOT,
    Run,
    alternate,
    bench_env,
    emit,
    goal,
    kit,
    median,
    options,
    run,
    say,
)

DOC = "demo-mash-isa"

BASELINE = """
import datetime as dt, json, sys
from pathlib import Path
from docxtpl import DocxTemplate
from isa_kit.core.resources import resource_dir
from isa_kit.data.loader import load_partnership
from isa_kit.render.build import plan
from isa_kit.render.clauses import load_library, select
from isa_kit.render.context import build_context
from isa_kit.render.environment import environment

folder, out, slots_file = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
slots = json.loads(slots_file.read_text())
as_of = dt.date.fromisoformat(sys.argv[4])
partnership = load_partnership(folder)
library = load_library(resource_dir("templates") / "clauses.yaml")
env = environment()
for job in plan(partnership, folder, sys.argv[5]):
    doc = job.document
    context = build_context(
        partnership, doc, select(library, partnership, doc), as_of, slots[job.output]
    )
    tpl = DocxTemplate(str(job.template))
    tpl.render(context, jinja_env=env, autoescape=True)
    tpl.save(str(out / job.output))
"""


def prepare(work: Path) -> tuple[Path, Path]:
    """A copy of the demo partnership whose ISA uses its own copy of the default template."""
    from isa_kit.core.resources import resource_dir

    folder = work / "demo"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ROOT / "agreements" / "demo", folder)
    template = folder / "isa.docx"
    shutil.copyfile(resource_dir("templates") / "isa.docx", template)
    isa = folder / "documents" / "isa.yaml"
    isa.write_text(isa.read_text(encoding="utf-8") + "template: isa.docx\n", encoding="utf-8")
    return folder, template


def slots_for(folder: Path, target: Path) -> None:
    """The section ids each template places (part of the context), for the baseline."""
    from isa_kit.data.loader import load_partnership
    from isa_kit.render.build import plan
    from isa_kit.render.environment import load_template

    partnership = load_partnership(folder)
    slots = {
        job.output: sorted(load_template(job.template, job.template_shown).section_slots)
        for job in plan(partnership, folder, DOC)
    }
    target.write_text(json.dumps(slots), encoding="utf-8")


_PARAGRAPH = re.compile(rb"<w:p[ >].*?</w:p>", re.DOTALL)
_PLAIN_TEXT = re.compile(rb"<w:t(?: [^>]*)?>(?=[^<{]+</w:t>)")


def touch_template(template: Path, n: int) -> None:
    """Insert the word ``edit<n>`` into the body's middle paragraph that holds a placeholder
    and plain text (see the module docstring), as an author's Word edit would."""
    with zipfile.ZipFile(template) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    tmp = template.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            if info.filename == "word/document.xml":
                data = _insert_word(data, f"edit{n} ".encode())
            zf.writestr(info, data)
    tmp.replace(template)


def _insert_word(xml: bytes, word: bytes) -> bytes:
    candidates = [
        m
        for m in _PARAGRAPH.finditer(xml)
        if b"{{" in m.group(0) and _PLAIN_TEXT.search(m.group(0))
    ]
    if not candidates:
        raise SystemExit("the ISA template has no paragraph with a placeholder and plain text")
    target = candidates[len(candidates) // 2]
    text = _PLAIN_TEXT.search(xml, target.start(), target.end())
    assert text is not None
    return xml[: text.end()] + word + xml[text.end() :]


def main() -> None:
    args = options(__doc__)
    from _common import workdir

    rounds = 3 if args.quick else 9
    with workdir(args.workdir, "build") as work:
        folder, template = prepare(work)
        slots = work / "slots.json"
        slots_for(folder, slots)
        script = work / "plain_docxtpl.py"
        script.write_text(BASELINE, encoding="utf-8")
        env = bench_env(work)
        outs = {n: work / f"out-{n}" for n in ("kit", "plain")}
        for out in outs.values():
            out.mkdir(exist_ok=True)
        build = kit("build", str(folder), "--only", DOC, "--out", str(outs["kit"]))
        build += ["--as-of", AS_OF, "-q"]
        plain = [sys.executable, str(script), str(folder), str(outs["plain"]), str(slots)]
        plain += [AS_OF, DOC]
        edits = iter(range(1_000_000))
        last = [-1]

        def changed() -> Run:
            last[0] = next(edits)
            touch_template(template, last[0])
            return run(build, env=env)

        say(f"warm and after a template change, {rounds} alternated runs each")
        runs = alternate(
            {
                "warm": lambda: run(build, env=env),
                "changed": changed,
                "plain": lambda: run(plain, env=env),
            },
            rounds,
        )
        check_outputs(outs, f"edit{last[0]} ".encode())
    figures: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for key, label in (("warm", "kit_build_warm"), ("changed", "kit_build_after_template_change"), ("plain", "plain_docxtpl_script")):  # fmt: skip
        figures[f"{label}_s_median"] = median([r.seconds for r in runs[key]])
        figures[f"{label}_cpu_s_median"] = cpu[key] = median([r.cpu for r in runs[key]])
    figures["speedup_warm_x"] = cpu["plain"] / cpu["warm"]
    figures["speedup_after_template_change_x"] = cpu["plain"] / cpu["changed"]
    goals = [
        goal(
            "isa-kit build of one ISA, warm: times faster than plain docxtpl (CPU)",
            cpu["plain"] / cpu["warm"],
            ">=",
            3,
        ),
        goal(
            "isa-kit build of one ISA, first run after the template changed: times faster (CPU)",
            cpu["plain"] / cpu["changed"],
            ">=",
            3,
        ),
    ]
    emit("build", figures, goals)


def check_outputs(outs: dict[str, Path], word: bytes) -> None:
    """Both sides wrote the same documents (the comparison is of like with like), and the
    kit's ISA carries the last edit made to its template (so the edit reached the output)."""
    kit_files = sorted(p.name for p in outs["kit"].glob("*.docx"))
    plain_files = sorted(p.name for p in outs["plain"].glob("*.docx"))
    if kit_files != plain_files or not kit_files:
        raise SystemExit(f"outputs differ: kit {kit_files}, plain docxtpl {plain_files}")
    with zipfile.ZipFile(outs["kit"] / f"{DOC}.docx") as zf:
        if word not in zf.read("word/document.xml"):
            raise SystemExit(f"the kit's ISA lacks the template edit {word.decode()!r}")


if __name__ == "__main__":
    dt.date.fromisoformat(AS_OF)
    main()
