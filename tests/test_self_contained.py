"""The test suite is self-contained, and its vendored seed documents name no real people.

A clone of this repository must be able to run every test: nothing under tests/, bench/,
isa_kit/, scripts/ or the Makefile may read from a folder outside the repository (such as a
``shared`` folder next to it). The seed documents the tests need are vendored in
tests/fixtures/seeds with the names and personal email addresses of individuals replaced by
their roles (see its README.md); the last tests check that none of those names came back.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_FIXTURES = ROOT / "tests" / "fixtures" / "seeds"

# --- no references to a folder outside the repository -----------------------------------------

# Built from pieces so that this file does not match its own patterns.
_UP = r"\.\./" + "shared"
_PARENTS = r"parents\[[0-9]\]\s*/\s*['\"]" + "shared"
_PARENT = r"\.parent\s*/\s*['\"]" + "shared"
OUTSIDE = re.compile("|".join((_UP, _PARENTS, _PARENT)))
OUTSIDE_LITERAL = "/work" + "/shared"

TEXT_SUFFIXES = {".py", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".md"}


def _scanned_files() -> list[Path]:
    files: list[Path] = []
    for folder in ("tests", "bench", "isa_kit"):
        files += [
            p
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and p.suffix in TEXT_SUFFIXES and "__pycache__" not in p.parts
        ]
    files += [p for p in (ROOT / "scripts").rglob("*") if p.is_file() and _is_text(p)]
    files.append(ROOT / "Makefile")
    return sorted(files)


def _is_text(path: Path) -> bool:
    try:
        path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    return True


def test_the_scan_covers_the_code_and_the_tests() -> None:
    files = _scanned_files()
    assert Path(__file__).resolve() in files
    assert ROOT / "Makefile" in files
    assert any(p.parent.name == "bench" for p in files)
    assert any(p.parts[-2] == "scripts" for p in files if len(p.parts) > 1)
    assert any(ROOT / "isa_kit" in p.parents for p in files)


def test_nothing_reads_from_outside_the_repository() -> None:
    found = []
    for path in _scanned_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OUTSIDE.search(line) or OUTSIDE_LITERAL in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == [], "references to a folder outside the repository:\n" + "\n".join(found)


def test_the_patterns_find_what_they_are_for() -> None:
    up, parents, parent = ("..", "/"), ("parents[1]", " / "), (".parent", " / ")
    assert OUTSIDE.search(up[0] + up[1] + "shared/seeds")
    assert OUTSIDE.search("ROOT." + parents[0] + parents[1] + '"shared"')
    assert OUTSIDE.search("ROOT" + parent[0] + parent[1] + "'shared'")
    assert not OUTSIDE.search("data_shared / categories")


# --- the vendored seed documents name no real people -------------------------------------------

# SHA-256 of the lower-cased names replaced in tests/fixtures/seeds: distinctive surnames and
# first names (one word) and full names, initial-and-surname forms and title-and-surname forms
# (two words). Hashed so that the names are not written into the repository.
REPLACED_NAMES = frozenset(
    (
        "00b25f3d48105b1c96cc5304638301df14266e3b296db6143218f92afe4e0413",
        "05da47c3702345b0c9ed864643bf68399276ab40e786065937feceab8ea62472",
        "063255685053ddb16882dd7ff033ee374f9cbb3f41d59a833e3e13c9e2bbf282",
        "06b14512de568c9bb9757c92eaf84c09fed74b330869df35480071db4c3d450a",
        "0a819109dc6fa49ca1f11f6f5091c2550b83542d9de71fae901fd441e088850c",
        "0ecbdae12b76937e3b9ac3e8bc57fe96d87710c0e5420457fac4196bb5a4a8f5",
        "11babc7f16ef8a9acbe380a0c974909c6f50fbbea23290787bca5e39ca7d6b37",
        "1256aadeb5cd3de1838b081d0e999a0b09ba4f41b3bd4cd597f79ba101083bfe",
        "15685011c24742394de65ec0786152b4134c23437525186f694858da26b84bbd",
        "1ab5d7e9acd0d5ae40e6bb3712b0760deafafa184995c73d3b08e242089982a1",
        "1f10659c7550d686f2aa74980f5b7e793fb39151480e22d4498d6653903891dc",
        "22b379ceb43d1945e89e8369b5d67591134c7999f3a607c106a9e2cee146d2e2",
        "23977b7d4710a618e6de1f38c69f6e85b77363c0d4ae4056e0876db2460f3b55",
        "2a3146ff6975806811b9a701a85d0316cdbc6274b7e2d9af3c07d42870e556b7",
        "31dc229093ab1382c82ec3476fddfe5be9c062e159e5efded9ffe7a9708dc586",
        "3b9391102e7d5f88579604a323fb2e69f09c5a12cb763775cc0efab059d51888",
        "3e71ae0f1831c6db17c7190a0fc2664368d02168ca0b27cf68b556a447889454",
        "422bd647afd1cd49de34126356e8fed504e9eec414bf821555afd0df9455fa11",
        "424865ff0e73c522a3ab4b7a856d55049a9eeb0fded722a52e3e7eed869b40fd",
        "4889e3e3ba88200114823908bdab1ac42b41f3e60f1104d35a298c89c1132807",
        "4cb31773e94d32ba8e6b9eabbbd8e628085562198d7f15d01808885f35c8d44a",
        "4e825ea59ea6b844c6209609387283b8d0edfde0d7c4494783eb114ce9535c83",
        "4ef7a43e4f2ae8c6293d62e2f164e3e869cef14769b5381674fbd7fc78e057be",
        "502e978476a3011a605c1e54443e1726c74622006426159e73bc8a89d0f02682",
        "50a9d77e82bd6ba27d753fa0fb84a01c1a29cfd2d743f0ecef82412ef8ac198c",
        "521d46554057bb5c540ab934bf90dcce886ab1f908fce4e349227f86f582fbf2",
        "5358eef13e40b7963f41f4895c7604582e205464aea8c70ddaa7c4c64a851e8f",
        "5a087b5d886dc30752d854857cfcbf9d811969de770247f0e57a58a72b72eec7",
        "5affd73966a1b3ddf2ad90612af30606df3edf06487e1dbc5c0c49909bc94f39",
        "5d85015875228a0688b6335de61baf5581d4d1a06c836a88a2a9030a528c1785",
        "5e3f87a42a3c5b18c789f57bbbdd43e9214c1797a7924948f103d64a7e4b31a1",
        "6073c8c137cdc8601b86b82b5e739b614e3a27402165194a0db86c5a8e102306",
        "63169bea6d7131f931f20d95efdee58635581d400ae651c7750ae434a0af4a5e",
        "68d3472bca52321219c4cec41456b00cca1617203cf2ff83f0eaf0273b11601b",
        "729229ba4fe7fae6a5cfd879bd1c14c4f24ca00f9d3c40266a6d7c0433fced4a",
        "776d6af206ba64819ad3d6ca4f3be1f73599f9fa9158cc1d930facb235f9ca0c",
        "7c8b68fc7a1907d7edb16299c4979cccbc8c0e1e0f9e82b39a1737e6d976eedc",
        "7c9a4f2ef8da18126f5fc503db6ce7b27f07d2adefb9b4ce31b01500b0f506b0",
        "89bbb343e486cd0c45e061db44392ee80f3d76265e6b3bddb2281788e36b4f6e",
        "8adc6f905f4d449a06df5d7c6f661c618e5a4a988d7387c68621d2ad73e9e009",
        "8ef78a5387318b91e5bd8f583246fc7d8e3f900149a79ecd57fb8086ed14f3a4",
        "8f5858a7f2a30ab4fea0f742b79df340548e7de84b61a03437952252e879da8d",
        "927b219ab6b3b6c95051b399f4cf998319a9dd8468a2ff116b93a8b2cd3af843",
        "96a651141c73ae9d1314b639dfbd297a8317b8734fbe8884a7b5f756c9d803fa",
        "99079283681197a5719cf8186e67ba52744f297571af8f86840c829a65a922d6",
        "9c47509a77cb312fdb3721f80024aa9b9fe79a7b485014cbb9e12cc2bbca5291",
        "9dda562ecdfbab7e817a5e231d317a5135a7dde7b0ff73a4e644b57d8382c8d6",
        "a2da0a8e3927bc5321d63953fccef1b3c08f1b9172c4be51a6409c71b1ae4f61",
        "a3f1a80ab6c29901ee421f450de86cc976c4a9aee7f5849a5808d8914980dab5",
        "a550c4378db15e10d9f87fff3db4184f22d9032f00b6d727269a10bd8a5887c0",
        "b21ae28e3ff34d557924770dc413209912baf7e8309d2dd9e04e1e49a6511ac9",
        "b501dd9b243b27792383730437f077d1d06a3099ad4aa9529774fe8f3b0edcdc",
        "b70c21697a20bc127faad656d675d291c3501c8eba42062281b47053d0d43db4",
        "b8510932dad3ddf0fc34661a0caf6674e5c0d672e3930c6a736424d4df0e8016",
        "bad6c4e14586551aa1e45d75de0cbfd59f3dd63c0328f9e08c5d9d1c843cd16d",
        "bbd4a23a992defd3358eb8c372d2af753e6d0b1fa284c1df185a192aed85b40b",
        "bd808b2a1e6553372ad162704920a92e451180efa306a51fd4ba401318de450f",
        "c25b4450f552c9c49977f335c1953f752a98d1a7cdda41177343d2d2af3cc4c3",
        "c7b9928f5e507fc0d5db35b349687e626d3defff14dce6486b42f32eee0c8d1e",
        "caf31243de7b1bc9edc0c47c68f2fdf04973067ad191700bec7822e882ad671a",
        "d42b20ac806260434176e954ad88bc6038f9f3597496466d1d9e1b35e3ed1ee9",
        "d631fd6389b463eaccf5fd9288feecf22f63dea47b1ce8b950def69a257c59af",
        "d8a6bfe75b83f7215cd6d709f9f5b7f0738b2c0c506699722ba535cde1b25bd2",
        "d948f08870af8cb444b15befe2461ff7864de1f1d967b1ee2d58603516fc681f",
        "e0b5e4e26e8e5b863b2a0a0855d7825ab32017d17a3d26e8462f60f1682d5cf1",
        "e4d6fa0e7031baefc0d7cc68b00f067518275a710de6083b5d125b380b391e1a",
        "e680de7e52e628202dc2c09788e09432b5f8168a52436a4c83d4f43572cf7d57",
        "e814f6054a8f8fc7acc3e82c73c2973d23aa0fdb0cf0391b126343df5eeecb89",
        "e9edd18b4b5db50c733ffd8766a92599898875e8ede48b3f22c7cbdd93d83a28",
        "efb7a60282262b770647783d4299a9102324ba89ed2f1663e2132221a2173ee0",
        "f15eab416a0e71d935891f53d495493b627afad8f7df83463ddb5a7b5e2a3d1a",
        "f173b46b650d9708d31b642021d04ed380c54db71fc9f0ab829d1c2597d37f3d",
        "f53f7ed024c4142def65999611118f270a902820a318480af553a8e6da40484c",
        "f8e6d372f2c244ecf12fb4ffac0ecfe0390eec82054040d8164158a288ed829d",
        "f9c56f49d51617871aca8ce9bc60f1ef57d119fbbdab0d3048c0fecada1a16cd",
        "fc981a7714e86843e1982fa1a4f91a1e08753a719d73d9344d1d189829f59685",
    )
)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
EMAIL = re.compile(r"([\w.'+-]+)@[\w.-]+")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def real_names_in(text: str, names: frozenset[str] = REPLACED_NAMES) -> list[str]:
    """Words, pairs of words and pieces of email local parts whose hash is in ``names``."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    words = WORD.findall(text)
    found = [w for w in words if _hash(w) in names]
    found += [f"{a} {b}" for a, b in itertools.pairwise(words) if _hash(f"{a} {b}") in names]
    for local in EMAIL.findall(text):  # firstlast@: a surname glued to a first name
        squashed = re.sub(r"[^a-z']", "", local)
        found += [
            squashed[i:j]
            for i in range(len(squashed))
            for j in range(i + 4, len(squashed) + 1)
            if _hash(squashed[i:j]) in names
        ]
    return found


def _seed_fixtures() -> list[Path]:
    return sorted(p for p in SEED_FIXTURES.iterdir() if p.is_file())


def test_the_seed_fixtures_are_all_there() -> None:
    names = {p.name for p in _seed_fixtures()}
    assert {
        "README.md",
        "staffordshire-mou.txt",
        "staffordshire-guidance.txt",
        "northamptonshire-protocol.txt",
        "herefordshire-guidance.txt",
        "barnet-protocol-isa.txt",
    } <= names


@pytest.mark.parametrize("path", _seed_fixtures(), ids=lambda p: p.name)
def test_no_real_names_in_the_seed_fixtures(path: Path) -> None:
    assert real_names_in(path.read_text(encoding="utf-8")) == [], path.name


def test_the_name_check_finds_names() -> None:
    # The same code, with the hashes of a made-up person instead of the real ones.
    made_up = frozenset(_hash(n) for n in ("ada exampleton", "exampleton", "a exampleton"))
    assert real_names_in("Author\tAda Exampleton\t", made_up) == [
        "exampleton",
        "ada exampleton",
    ]
    assert "a exampleton" in real_names_in("Prepared By:\tA Exampleton", made_up)
    assert "exampleton" in real_names_in("mailto:adaexampleton@example.gov.uk", made_up)
    assert real_names_in("Chair\t[Operational Director]\tdirector@example.gov.uk", made_up) == []
    assert len(REPLACED_NAMES) == 76
