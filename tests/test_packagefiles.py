import subprocess
import sys

import pytest

from zhetl.packagefiles import package_file


def test_a_package_file_is_found_in_place() -> None:
    assert package_file("jieba", "dict.txt").is_file()
    assert package_file("cpca", "resources", "adcodes.csv").is_file()
    assert package_file("pypinyin", "pinyin_dict.json").is_file()


def test_finding_a_file_imports_nothing_of_its_package() -> None:
    """The point of the module: jieba's, cpca's and pypinyin's own imports cost 0.2-0.4 s each."""
    code = ("import sys; from zhetl.packagefiles import package_file; "
            "[package_file(p, 'x') for p in ('jieba', 'cpca', 'pypinyin')]; "
            "print(sorted({'jieba', 'cpca', 'pypinyin', 'pandas'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_missing_package_says_what_it_ships() -> None:
    with pytest.raises(RuntimeError, match=r"no_such_package_zhetl.*ships data/x\.txt"):
        package_file("no_such_package_zhetl", "data", "x.txt")
