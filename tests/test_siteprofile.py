from pathlib import Path

from zhetl.runs import run_local
from zhetl.siteprofile import edge_lines, repeated_lines
from zhetl.storage import read_table

HEADER = "岩溪县人民政府门户网站 · 政务公开"
FOOTER = "主办单位：岩溪县人民政府办公室"
SLOGAN = "不忘初心 牢记使命 奋力谱写乡村振兴新篇章"


def page(index: int) -> str:
    return f"{HEADER}\n第一章 总则\n第{index}号通知\n正文第{index}段，贫困村有{index}个。\n{SLOGAN}\n"


def test_repeated_edge_lines_but_not_headings() -> None:
    lines = repeated_lines(page(i) for i in range(4))
    assert lines == {HEADER, SLOGAN}
    assert "第一章 总则" not in edge_lines(page(1))


def test_rare_lines_are_kept() -> None:
    assert repeated_lines([page(1), page(2)]) == frozenset()


def test_site_lines_are_removed_and_a_profile_change_reprocesses_the_folder(tmp_path: Path) -> None:
    site = tmp_path / "in" / "site"
    site.mkdir(parents=True)
    for index in range(4):
        (site / f"p{index}.txt").write_text(page(index), encoding="utf-8")
    (tmp_path / "in" / "lone.txt").write_text(page(9), encoding="utf-8")
    out = tmp_path / "out"
    run_local(tmp_path / "in", out)
    texts = {r["doc_id"]: r["text"] for r in read_table(out, "document_texts").to_pylist()}
    paths = {r["doc_id"]: r["source_path"] for r in read_table(out, "documents").to_pylist()}
    for doc_id, text in texts.items():
        assert (SLOGAN in text) == (paths[doc_id] == "lone.txt")
    for index in range(4, 9):  # new pages without the slogan: it is no longer the site's boilerplate
        (site / f"p{index}.txt").write_text(page(index).replace(SLOGAN, f"第{index}页的结语。"), encoding="utf-8")
    summary = run_local(tmp_path / "in", out)
    assert summary["processed"] == 9  # the 5 new pages and the 4 old ones, whose profile changed
    texts = {r["source_path"]: r["doc_id"] for r in read_table(out, "documents").to_pylist()}
    text_by_id = {r["doc_id"]: r["text"] for r in read_table(out, "document_texts").to_pylist()}
    assert SLOGAN in text_by_id[texts["site/p0.txt"]]
    assert run_local(tmp_path / "in", out)["processed"] == 0


def test_a_survey_before_the_plan_writes_nothing_and_changes_nothing(tmp_path: Path) -> None:
    """zhetl.runs.survey (run while the Prefect server boots) leaves the output alone, and the plan made after
    it is the plan made without it; a file changed after the survey is hashed again."""
    import json

    from zhetl import inventory, profiles, runs
    from zhetl.storagepath import as_location

    site = tmp_path / "in" / "site"
    site.mkdir(parents=True)
    for index in range(4):
        (site / f"p{index}.txt").write_text(page(index), encoding="utf-8")
    source, surveyed_out, plain_out = (as_location(tmp_path / name) for name in ("in", "a", "b"))
    assert runs.survey(source, surveyed_out) == 4
    assert not (tmp_path / "a").exists()
    assert inventory._HASHED and profiles._LEARNED
    (site / "p3.txt").write_text(page(3) + "补充一行。\n", encoding="utf-8")
    with_survey = runs.plan(source, surveyed_out, 500_000, 1, False)
    assert not inventory._HASHED and not profiles._LEARNED  # the plan used and dropped them
    without = runs.plan(source, plain_out, 500_000, 1, False)
    plans = [json.loads(Path(result["plan_path"]).read_text(encoding="utf-8")) for result in (with_survey, without)]
    for plan in plans:
        for key in ("input_dir", "output_dir", "staging"):
            plan.pop(key)
    assert plans[0] == plans[1]
