"""`import-org`: an HR export becomes a scenario that validates and plays; bad exports are located by CSV line."""

from __future__ import annotations

import pytest

from game.cli import main
from game.core.bots import play_game
from game.scenario.loader import check_files, load_scenario

GOOD = """EmployeeID;Full name;title;department;manager_id;skills
E1;Ana Boss;Chief executive;Executive;;strategy
E2;Ben Chef;Head of sales;Sales;E1;
E3;Cléo Dev;Developer;IT;E1;python|data
E4;Dan Rep;Sales rep;Sales;E2;customer
E5;Eve Rep;Sales rep;Sales;E2;
"""


def write(tmp_path, text: str, name: str = "staff.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path, csv_text: str, *options: str) -> tuple[int, str]:
    out = tmp_path / "ours.yaml"
    code = main(["import-org", str(write(tmp_path, csv_text)), "--out", str(out), *options])
    return code, out


def test_good_export_with_mapped_columns_validates_and_plays(tmp_path):
    code, out = run(tmp_path, GOOD, "--column", "id=EmployeeID", "--column", "name=Full name")
    assert code == 0 and check_files([out]) == []
    scenario = load_scenario(out)
    org = scenario.org
    assert org.ids == ("E1", "E2", "E3", "E4", "E5") and org.names[2].get("en") == "Cléo Dev"
    assert org.manager[org.index_of("E4")] == org.index_of("E2")
    assert [d.name.get("en") for d in org.departments] == ["Executive", "Sales", "IT"]
    assert org.skills[org.index_of("E3"), scenario.tag_index("data")]
    assert scenario.signals[0].origin == org.index_of("E4")  # heard on the front line
    assert play_game(scenario, 1, "mixed").over
    assert "CHANGE" in out.read_text()


def test_anonymise_replaces_ids_and_names_but_keeps_titles(tmp_path):
    code, out = run(tmp_path, GOOD, "--column", "id=EmployeeID", "--column", "name=Full name", "--anonymise")
    assert code == 0
    text = out.read_text(encoding="utf-8")
    for secret in ("Ana Boss", "Cléo Dev", "E1", "E4"):
        assert secret not in text
    org = load_scenario(out).org
    assert org.ids[0] == "p1" and org.titles[0].get("en") == "Chief executive"


def test_refuses_to_overwrite(tmp_path, capsys):
    (tmp_path / "ours.yaml").write_text("mine")
    code, _ = run(tmp_path, GOOD, "--column", "id=EmployeeID", "--column", "name=Full name")
    assert code == 1 and "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("csv_text", "expected"),
    [
        ("id,nom,title,department,manager_id\na,A,,X,\n", "staff.csv:1: missing column 'name'"),
        ("id,name,title,department,manager_id\na,A,,X,\nb,B,,X,zz\n", "staff.csv:3: manager 'zz' of 'b' is nobody"),
        (
            "id,name,title,department,manager_id\na,A,,X,\nb,B,,X,c\nc,C,,X,b\n",
            "staff.csv:3: managers form a cycle: b -> c -> b",
        ),
        ("id,name,title,department,manager_id\na,A,,X,\nb,B,,X,\n", "staff.csv:3: exactly one person (the top)"),
        ("id,name,title,department,manager_id\na,A,,X,\na,B,,X,a\n", "staff.csv:3: duplicate id 'a' (first at line 2)"),
    ],
    ids=["missing_column", "unknown_manager", "cycle", "two_tops", "duplicate"],
)
def test_bad_exports_name_the_line(tmp_path, capsys, csv_text, expected):
    code, out = run(tmp_path, csv_text)
    err = capsys.readouterr().err
    assert code == 1 and expected in err and not out.exists()
    assert "error: " in err and "Traceback" not in err


def test_missing_column_suggests_the_mapping(tmp_path, capsys):
    run(tmp_path, "id,nom,title,dept,manager_id\na,A,,X,\n")
    err = capsys.readouterr().err
    assert "did you mean 'dept'? (map it with --column department=dept)" in err
