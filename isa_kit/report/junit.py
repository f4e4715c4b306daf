"""JUnit XML output: one test suite per rule, one test case per (rule, document file).

A case fails when the rule found something at error or warning severity in that file (info
findings are written to ``system-out``); waived findings are noted as ``skipped`` only when
they are all the case has. CI systems show each document's compliance as a test result.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from isa_kit.core.findings import Finding, Severity
from isa_kit.report.model import Report, Unit, full_message, summary_line, where


def _units(report: Report) -> list[Unit]:
    units = {(u.code, u.file): u for u in report.all_units()}
    for f in [*report.findings, *(w.finding for w in report.waived)]:
        units.setdefault((f.code, f.file), Unit(f.code, f.file))
    return sorted(units.values(), key=lambda u: (u.code, u.file))


def render_junit(report: Report) -> str:
    found: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        found[(f.code, f.file)].append(f)
    waived: dict[tuple[str, str], int] = defaultdict(int)
    for w in report.waived:
        waived[(w.finding.code, w.finding.file)] += 1
    by_code: dict[str, list[Unit]] = defaultdict(list)
    for u in _units(report):
        by_code[u.code].append(u)

    root = ET.Element("testsuites", name=f"isa-kit {report.command}")
    total = failures = skipped = 0
    for code in sorted(by_code):
        rule = report.rule(code)
        suite_name = f"{code} {rule.name}" if rule else code
        suite = ET.SubElement(root, "testsuite", name=suite_name)
        s_fail = s_skip = 0
        for u in by_code[code]:
            case = ET.SubElement(
                suite, "testcase", classname=f"isa-kit.{code}", name=u.name or u.file, file=u.file
            )
            hits = sorted(found.get((code, u.file), []), key=Finding.sort_key)
            failing = [f for f in hits if f.severity.rank >= Severity.WARNING.rank]
            if failing:
                s_fail += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=f"{len(failing)} finding{'s' if len(failing) != 1 else ''}",
                    type=failing[0].category.value,
                )
                failure.text = "\n".join(
                    f"{where(f)}: {f.severity.value}: {full_message(f)} [{f.subject}]"
                    + (f"\n  hint: {f.hint}" if f.hint else "")
                    for f in failing
                )
            elif not hits and waived.get((code, u.file)):
                s_skip += 1
                ET.SubElement(case, "skipped", message=f"{waived[(code, u.file)]} waived")
            infos = [f for f in hits if f.severity == Severity.INFO]
            if infos:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(f"{where(f)}: info: {full_message(f)}" for f in infos)
        n = len(by_code[code])
        suite.set("tests", str(n))
        suite.set("failures", str(s_fail))
        suite.set("errors", "0")
        suite.set("skipped", str(s_skip))
        total += n
        failures += s_fail
        skipped += s_skip
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    props = ET.Element("properties")
    ET.SubElement(props, "property", name="as_of", value=report.as_of.isoformat())
    ET.SubElement(props, "property", name="summary", value=summary_line(report))
    if len(root):
        root[0].insert(0, props)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
