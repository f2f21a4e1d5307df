"""Build hook: compile the text library's rule modules to C with mypyc, for speed.

The rules run per token in Python and are most of a run's time; compiled, the same source processes text
about 1.4x faster (README, Performance). The modules stay plain, type-checked Python: set ZHETL_PURE_PYTHON=1 to
install without compiling (no C compiler, or while editing rules: a compiled module shadows its .py file
until the next build, and `zhetl.compiled` refuses a stale one).

Module-level constants of the compiled modules are declared ``Final``. Compiled, a Final name is a C static (a
literal one is inlined); any other module-level name is looked up in the module's dictionary at every use. Over
200 laws files that was 3.2 million lookups (0.9 million remain: cached functions and real dictionaries), and the
processing ran about 3% faster without them. A name that tests replace (``columnar.STRING_ARRAY_BYTES``) or that
annotations use as a type stays a plain assignment.
"""

from __future__ import annotations

import os

from setuptools import setup

COMPILED = [
    "zhetl/boilerplate.py", "zhetl/clean.py", "zhetl/columnar.py", "zhetl/dates.py", "zhetl/entities.py",
    "zhetl/gazetteer.py", "zhetl/markup.py", "zhetl/memo.py", "zhetl/metadata.py", "zhetl/metric_clauses.py",
    "zhetl/metric_context.py", "zhetl/metric_lists.py", "zhetl/metric_names.py", "zhetl/metric_patterns.py",
    "zhetl/metric_phrases.py", "zhetl/metric_tokens.py", "zhetl/metric_words.py", "zhetl/metrics.py", "zhetl/names.py",
    "zhetl/numerals.py", "zhetl/pinyin.py", "zhetl/pipeline.py", "zhetl/quantities.py", "zhetl/segment.py",
    "zhetl/sentences.py", "zhetl/textmap.py",
]


def _extensions() -> list:
    if os.environ.get("ZHETL_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify  # a build requirement (pyproject.toml)

    # One group: every module in one C file and one shared library (beside the package, named by a hash, imported
    # by each module's small extension). The C compiler then sees a call from one module into another and can
    # inline it, where one C file per module (separate=True) called through a table of pointers: the processing
    # ran 5.5% faster (1.89 against 2.00 s per million characters, 900 laws files, alternating builds), for a build
    # of about 2.8 minutes instead of 1.5 (one file compiles on one core).
    extensions = mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED], opt_level="3",
                          separate=False)
    if os.name == "posix":
        # Hidden symbols: every function of the group is called directly and can be inlined. With the default
        # visibility, a shared library's function may be replaced by another library's at load time, so the
        # compiler called each one through the procedure linkage table and inlined none (1,526 such calls between
        # compiled functions, thousands more into mypyc's runtime). The modules find the library's entry points
        # through Python (capsules), and its module initialiser stays exported (PyMODINIT_FUNC).
        for extension in extensions:
            extension.extra_compile_args = [*extension.extra_compile_args, "-fvisibility=hidden"]
    return extensions


setup(ext_modules=_extensions(), options={"build_ext": {"parallel": os.cpu_count() or 1}})
