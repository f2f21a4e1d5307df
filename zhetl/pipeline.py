"""Every stage for one document, and for a batch of files: bytes in, rows for every table out.

This is the unit a batch task runs in-process. A file that fails a stage becomes a rejects row with that
stage and a reason code; one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Final, cast

import numpy as np
import pyarrow as pa

from zhetl import gazetteer
from zhetl.clean import clean_text
from zhetl.columnar import Block, Column, Utf8Text, build_table, substrings, utf8_bytes, whole
from zhetl.dates import DateMention, find_dates
from zhetl.decode import DecodeRejected, decode_bytes
from zhetl.entities import Entity, find_entities
from zhetl.metadata import find_field, find_published_date, find_title, find_url
from zhetl.metrics import MetricLink, link_metrics, ratio_kinds
from zhetl.numerals import fold_width
from zhetl.quantities import Quantity, bound_word_length, find_quantities, redacted_amounts
from zhetl.schemas import TABLES, to_table, validate
from zhetl.segment import Token, respect_mentions, sentence_tokens, tokenize
from zhetl.sentences import split_sentences
from zhetl.textmap import MappedText

Divisions = list[gazetteer.Division]  # the divisions a document has named so far, in order
STAGES: Final = ("decode", "clean", "split", "dates_quantities", "segment", "entities", "metrics", "rows", "tables")
# Each stage's index in STAGES, one by one: compiled, a Final int is a constant where names unpacked from a range
# would be looked up in the module's globals at every lap.
DECODE: Final = 0
CLEAN: Final = 1
SPLIT: Final = 2
DATES_QUANTITIES: Final = 3
SEGMENT: Final = 4
ENTITIES: Final = 5
METRICS: Final = 6
ROWS: Final = 7
TABLES_STAGE: Final = 8
# Seconds spent per stage in this process, indexed as STAGES, for the benchmark's breakdown (stage_seconds). A
# lap (six per sentence) adds to a slot of a final list with a final clock: compiled, both are direct references,
# where a dict of stage names and a module-level clock took three dictionary lookups a lap (1.4% of all processing).
_STAGE_TOTALS: Final[list[float]] = [0.0] * len(STAGES)
_clock: Final = time.perf_counter
# Every redaction starts with one of these; most documents have none, and the scan then costs nothing.
REDACTION_MARKS: Final = "_＿*＊×Xx"
REDACTION_RE: Final = re.compile(r"_{2,}|＿+|\*{2,}|＊{2,}|×{2,}|(?<![A-Za-z])(?:XX|xx)(?![A-Za-z])"
                                 r"|_(?=[\u4e00-\u9fff])")


@dataclass
class Settings:
    """What a batch needs to know besides the files: engine, reference date, version and run time."""

    segmenter: str = "rjieba"
    reference_date: date | None = None
    pipeline_version: str = "dev"
    ingested_at: datetime | None = None
    site_lines: dict[str, frozenset[str]] = field(default_factory=dict)  # folder → its repeated lines

    def lines_for(self, source_path: str) -> frozenset[str]:
        folder = source_path.rpartition("/")[0]
        return self.site_lines.get(folder, frozenset())


# Gathered as plain columns per document (zhetl.columnar), not as row dicts: every table of spans of the text, and
# the texts themselves (their UTF-8 bytes, made once, where Arrow encoded each text again into a growing buffer).
COLUMNAR: Final = ("document_texts", "paragraphs", "sentences", "tokens", "entities", "quantities", "facts", "dates")


@dataclass
class Rows:
    """Rows per table: row dicts (a document's own row, or a reject), and the tables of spans (a million tokens per
    2M characters) as blocks of columns; ``to_arrow`` turns each table into Arrow once for all the documents
    gathered (a batch calls it for each chunk of about 100,000 characters)."""

    tables: dict[str, list[dict]] = field(
        default_factory=lambda: {name: [] for name in TABLES if name not in COLUMNAR})
    blocks: dict[str, list[Block]] = field(default_factory=lambda: {name: [] for name in COLUMNAR})

    def extend(self, other: Rows) -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)
        for name, parts in other.blocks.items():
            self.blocks[name].extend(parts)

    def to_arrow(self) -> dict[str, pa.Table]:
        tables = {name: to_table(name, rows) for name, rows in self.tables.items()}
        for name, blocks in self.blocks.items():
            table = build_table(name, blocks)
            validate(name, table)
            tables[name] = table
        return {name: tables[name] for name in (*(n for n in TABLES if n != "tokens"), "tokens")}


INT32_MAX: Final = 2**31 - 1
TOKEN_FLUSH: Final = 200_000  # tokens gathered as Python lists before they become a block of arrays


class _TokenColumns:
    """A document's tokens gathered sentence by sentence as plain columns, handed on as blocks."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        self.tags: list[str] = []
        # Each token's offsets as small numbers: its length, and the gap since the previous token of its sentence
        # ended, kept only where it is not 0 (where whitespace was dropped), with the token's position. Small ints
        # are shared objects, where the offsets themselves are new int objects, two a token, made and freed for the
        # lists; block() adds them back up.
        self.lengths: list[int] = []
        self.gap_positions: list[int] = []
        self.gaps: list[int] = []
        self.sentence_ids: list[int] = []  # one entry per sentence, with its token count and first offset beside it
        self.sentence_sizes: list[int] = []
        self.sentence_starts: list[int] = []

    @property
    def count(self) -> int:
        return len(self.lengths)

    def add(self, sentence_id: int, tokens: list[Token]) -> None:
        previous_end = tokens[0].start if tokens else 0
        self.sentence_starts.append(previous_end)
        tags, lengths = self.tags, self.lengths
        for token in tokens:
            if token.start != previous_end:
                self.gap_positions.append(len(lengths))
                self.gaps.append(token.start - previous_end)
            tags.append(token.pos)
            lengths.append(token.end - token.start)
            previous_end = token.end
        self.sentence_ids.append(sentence_id)
        self.sentence_sizes.append(len(tokens))

    def flush(self, doc_id: str, mapped: MappedText, utf8: Utf8Text) -> Block:
        """The tokens gathered so far as a block, forgetting them (a huge document never holds them all)."""
        clock = _clock()
        block = self.block(doc_id, mapped, utf8)
        self._start()  # (the block keeps the list of tags)
        _lap(TABLES_STAGE, clock)
        return block

    def block(self, doc_id: str, mapped: MappedText, utf8: Utf8Text) -> Block:
        """The tokens as a block; ``utf8`` is the document's text, encoded once for all its cuts."""
        count = self.count
        sizes = np.array(self.sentence_sizes, dtype=np.int64)
        firsts = np.cumsum(sizes) - sizes  # each sentence's first token's position in the columns
        lengths = np.array(self.lengths, dtype=np.int64)
        # A token ends where its sentence's first token starts, plus the gaps and lengths up to it within the sentence:
        # running totals over the block, less the total reached before its sentence.
        steps = lengths.copy()
        steps[np.array(self.gap_positions, dtype=np.int64)] += np.array(self.gaps, dtype=np.int64)
        totals = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(steps, out=totals[1:])
        end_array = np.repeat(np.array(self.sentence_starts, dtype=np.int64) - totals[firsts], sizes) + totals[1:]
        start_array = end_array - lengths
        columns: dict[str, Column] = {
            "sentence_id": np.repeat(np.array(self.sentence_ids, dtype=np.int32), sizes),
            "token_id": (np.arange(count) - np.repeat(firsts, sizes)).astype(np.int32),
            "token": substrings(utf8, start_array, end_array),
            "pos": self.tags,
        }
        columns.update(_offset_columns(mapped, start_array, end_array))
        return Block(doc_id, count, columns)


def _offset_columns(mapped: MappedText, starts: np.ndarray, ends: np.ndarray) -> dict[str, Column]:
    """The four offset columns of spans of the cleaned text: into it, and mapped back into the raw text."""
    if len(mapped.text) > INT32_MAX or mapped.raw_length > INT32_MAX:
        raise ValueError(f"a text of {len(mapped.text):,} characters does not fit int32 offsets")
    raw_starts, raw_ends = mapped.raw_spans(starts, ends)
    return {"char_start": starts.astype(np.int32), "char_end": ends.astype(np.int32),
            "raw_char_start": raw_starts.astype(np.int32, copy=False),
            "raw_char_end": raw_ends.astype(np.int32, copy=False)}


def _spans_block(name: str, doc_id: str, mapped: MappedText, utf8: Utf8Text, ids: dict[str, list[int]],
                 starts: list[int], ends: list[int], hashes: dict[tuple[int, int], str]) -> Block:
    """Paragraph or sentence rows (ids, offsets both ways, hash, text) as one block of columns.

    ``hashes`` holds the text hash of each span hashed so far, and takes the new ones: a paragraph of one sentence
    (most paragraphs of a law) spans the same text as its sentence, so it is hashed once. The texts are cut from
    the document's UTF-8 bytes (``utf8``), not handed on as strings for Arrow to encode one by one.
    """
    text = mapped.text
    text_hashes: list[str] = []
    for start, end in zip(starts, ends):
        known = hashes.get((start, end))
        if known is None:
            known = hashes[(start, end)] = paragraph_hash(text[start:end])
        text_hashes.append(known)
    start_array = np.array(starts, dtype=np.int64)
    end_array = np.array(ends, dtype=np.int64)
    columns: dict[str, Column] = {column: np.array(values, dtype=np.int32) for column, values in ids.items()}
    columns.update(_offset_columns(mapped, start_array, end_array))
    if "n_chars" in TABLES[name].names:
        columns["n_chars"] = (end_array - start_array).astype(np.int32)
    columns["text_hash"] = text_hashes
    columns["text"] = substrings(utf8, start_array, end_array)
    return Block(doc_id, len(starts), columns)


def stage_seconds() -> dict[str, float]:
    """Seconds spent per stage in this process so far (a batch takes the difference across its work)."""
    return dict(zip(STAGES, _STAGE_TOTALS, strict=True))


def _lap(stage: int, since: float) -> float:
    now = _clock()
    _STAGE_TOTALS[stage] += now - since
    return now


def doc_id_for(data: bytes) -> str:
    """The document id: a content hash of the raw bytes (the first 16 bytes of SHA-256, hex)."""
    return hashlib.sha256(data).hexdigest()[:32]


def reject_row(source_path: str, stage: str, reason: str, detail: str, settings: Settings,
               doc_id: str | None = None, size: int | None = None) -> dict:
    return {"source_path": source_path, "doc_id": doc_id, "stage": stage, "reason": reason,
            "detail": detail[:500], "size_bytes": size, "pipeline_version": settings.pipeline_version}


def process_document(data: bytes, source_path: str, settings: Settings) -> Rows:
    """All stages for one file's bytes; returns its rows, or a single rejects row."""
    rows = Rows()
    doc_id = doc_id_for(data)
    clock = _clock()
    try:
        decoded = decode_bytes(data)
    except DecodeRejected as rejected:
        rows.tables["rejects"].append(reject_row(source_path, "decode", rejected.reason, rejected.detail,
                                                 settings, doc_id, len(data)))
        return rows
    clock = _lap(DECODE, clock)
    cleaned = clean_text(decoded.text, settings.lines_for(source_path))
    text = cleaned.text
    clock = _lap(CLEAN, clock)
    if not text.strip():
        rows.tables["rejects"].append(reject_row(source_path, "clean", "empty_after_cleaning",
                                                 f"{len(decoded.text)} characters, none kept", settings, doc_id,
                                                 len(data)))
        return rows
    published = find_published_date(text, source_path)
    reference = published or settings.reference_date
    redaction_spans = [(m.start(), m.end()) for m in REDACTION_RE.finditer(text)] \
        if any(mark in text for mark in REDACTION_MARKS) else []
    mapped = cleaned.mapped
    utf8 = Utf8Text(text)
    sentences = split_sentences(text)
    _paragraph_and_sentence_tables(rows, doc_id, mapped, utf8, sentences)
    clock = _lap(SPLIT, clock)
    document_places: Divisions = []
    document_years: list[int] = []
    token_columns = _TokenColumns()
    mentions = _Mentions()
    # (cut many sentences per engine call; each sentence's tokens are made when its turn comes)
    token_lists = sentence_tokens(text, [(s.start, s.end) for s in sentences], settings.segmenter)
    for sentence in sentences:
        clock = _clock()
        tokens = next(token_lists)
        _lap(SEGMENT, clock)
        _sentence_rows(text, sentence, reference, redaction_spans, settings.segmenter,
                       (document_places, document_years), token_columns, tokens, mentions)
        if token_columns.count >= TOKEN_FLUSH:
            rows.blocks["tokens"].append(token_columns.flush(doc_id, mapped, utf8))
    rows.blocks["tokens"].append(token_columns.flush(doc_id, mapped, utf8))
    clock = _clock()
    mentions.add_blocks(rows, doc_id, mapped)
    _lap(ROWS, clock)
    rows.tables["documents"].append({
        "doc_id": doc_id,
        "source_path": source_path,
        "size_bytes": len(data),
        "encoding": decoded.encoding,
        "encoding_confidence": float(decoded.confidence),
        "encoding_method": decoded.method,
        "replacement_chars": decoded.replacement_chars,
        "title": find_title(text, source_path),
        "published_date": published,
        "script": cleaned.script,
        "n_chars": len(text),
        "n_raw_chars": len(decoded.text),
        "n_sentences": len(sentences),
        "redactions": len(redaction_spans),
        "truncated": cleaned.truncated,
        "markup": cleaned.changes["markup"] > 0,
        "pinyin_annotations": cleaned.changes["pinyin"],
        "boilerplate_lines": cleaned.changes["boilerplate"],
        "author": find_field(text, "author"),
        "source": find_field(text, "source"),
        "url": find_url(decoded.text),
        "pipeline_version": settings.pipeline_version,
        "ingested_at": settings.ingested_at,
    })
    rows.blocks["document_texts"].append(Block(doc_id, 1, {"text": whole(utf8.data),
                                                           "raw_text": whole(utf8_bytes(decoded.text))}))
    return rows


def paragraph_hash(text: str) -> str:
    """Hash of a paragraph or sentence after folding whitespace, so copies across documents share it."""
    return hashlib.sha1("".join(text.split()).encode("utf-8")).hexdigest()[:20]


def _paragraph_and_sentence_tables(rows: Rows, doc_id: str, mapped: MappedText, utf8: Utf8Text,
                                   sentences: list) -> None:
    """The document's paragraphs (each spans its sentences) and sentences, as two tables."""
    spans: dict[int, tuple[int, int]] = {}
    for sentence in sentences:
        start, end = spans.get(sentence.paragraph_id, (sentence.start, sentence.end))
        # (conditional expressions: compiled, a two-argument min or max is a call of the builtin)
        spans[sentence.paragraph_id] = (start if start < sentence.start else sentence.start,
                                        end if end > sentence.end else sentence.end)
    hashes: dict[tuple[int, int], str] = {}
    rows.blocks["sentences"].append(_spans_block(
        "sentences", doc_id, mapped, utf8, {"sentence_id": [s.sentence_id for s in sentences],
                                            "paragraph_id": [s.paragraph_id for s in sentences]},
        [s.start for s in sentences], [s.end for s in sentences], hashes))
    rows.blocks["paragraphs"].append(_spans_block(
        "paragraphs", doc_id, mapped, utf8, {"paragraph_id": list(spans)},
        [start for start, _ in spans.values()], [end for _, end in spans.values()], hashes))


class _MentionRows:
    """One table's mentions of a document as found: each one's sentence, its offsets in the document, and itself."""

    __slots__ = ("ends", "found", "sentence_ids", "starts")

    def __init__(self) -> None:
        self.sentence_ids: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.found: list = []

    def add(self, sentence_id: int, start: int, end: int, mention: object) -> None:
        self.sentence_ids.append(sentence_id)
        self.starts.append(start)
        self.ends.append(end)
        self.found.append(mention)

    def block(self, doc_id: str, mapped: MappedText, values: dict[str, list]) -> Block:
        """The mentions as a block: their sentences, ``values`` (their other columns), and offsets both ways."""
        columns: dict[str, Column] = {"sentence_id": np.array(self.sentence_ids, dtype=np.int32)}
        columns.update(values)
        columns.update(_offset_columns(mapped, np.array(self.starts, dtype=np.int64),
                                       np.array(self.ends, dtype=np.int64)))
        return Block(doc_id, len(self.sentence_ids), columns)


class _Mentions:
    """A document's mentions per table, made into one block of columns per table once the document is done: no dict
    a row, and the offsets mapped back to the raw text all at once."""

    __slots__ = ("dates", "entities", "facts", "quantities")

    def __init__(self) -> None:
        self.dates = _MentionRows()  # DateMention
        self.quantities = _MentionRows()  # (Quantity, MetricLink)
        self.facts = _MentionRows()  # a dict of facts_of
        self.entities = _MentionRows()  # Entity

    def add_blocks(self, rows: Rows, doc_id: str, mapped: MappedText) -> None:
        for name, mentions, columns in (("dates", self.dates, _date_columns),
                                        ("quantities", self.quantities, _quantity_columns),
                                        ("facts", self.facts, _fact_columns),
                                        ("entities", self.entities, _entity_columns)):
            if mentions.found:
                rows.blocks[name].append(mentions.block(doc_id, mapped, columns(mentions.found)))


def _date_columns(found: list) -> dict[str, list]:
    dates = cast(list[DateMention], found)
    return {"text": [d.text for d in dates], "kind": [d.kind for d in dates],
            "start_date": [d.start_date for d in dates], "end_date": [d.end_date for d in dates],
            "granularity": [d.granularity for d in dates], "redacted": [d.redacted for d in dates]}


def _quantity_columns(found: list) -> dict[str, list]:
    pairs = cast(list[tuple[Quantity, MetricLink]], found)
    quantities = [quantity for quantity, _ in pairs]
    return {"text": [q.text for q in quantities], "value": [q.value for q in quantities],
            "value_min": [q.value_min for q in quantities], "value_max": [q.value_max for q in quantities],
            "approximate": [q.approximate for q in quantities], "unit": [q.unit for q in quantities],
            "kind": [q.kind for q in quantities], "currency": [q.currency for q in quantities],
            "metric": [link.metric for _, link in pairs], "change": [link.change for _, link in pairs]}


# What a fact row holds besides its document, sentence and offsets: the keys of facts_of's dicts but start and end.
_FACT_VALUE_COLUMNS: Final = tuple(name for name in TABLES["facts"].names
                                   if name not in ("doc_id", "sentence_id", "char_start", "char_end",
                                                   "raw_char_start", "raw_char_end"))


def _fact_columns(found: list) -> dict[str, list]:
    facts = cast(list[dict], found)
    return {name: [fact[name] for fact in facts] for name in _FACT_VALUE_COLUMNS}


def _entity_columns(found: list) -> dict[str, list]:
    entities = cast(list[Entity], found)
    return {"text": [e.text for e in entities], "type": [e.type for e in entities],
            "normalized": [e.normalized for e in entities], "admin_code": [e.admin_code for e in entities],
            "province": [e.province for e in entities], "city": [e.city for e in entities],
            "county": [e.county for e in entities]}


RECENT: Final = ("近", "过去", "最近")
# 经过近七年的攻坚, 最长时间近两年: after these 近N年 is how long something took (a duration), not the last N years.
_SPENT_BEFORE: Final = ("经过", "历时", "用了", "耗时", "缺失", "时间", "长达", "持续", "坚持", "连续")


def _span_not_period(body: str, mention) -> bool:
    """近三年 opening a clause is a period (a date, 21 development readings to none as a duration as well); after a
    word that measures time spent (经过近七年) it is a duration only (5 readings)."""
    return mention.text.startswith(RECENT) and body.endswith(_SPENT_BEFORE, 0, mention.start)
ENTITY_TAGS: Final = {"PER": "nr", "LOC": "ns", "ORG": "nt", "TERM": "nz"}


class SentenceAnalysis:
    """Everything extracted from one sentence; offsets are in document coordinates. Read-only by convention.

    A plain class, not a frozen dataclass: compiled, it is built directly, where a dataclass's generated
    ``__init__`` runs as interpreted Python (about 7,000 instructions for each sentence, 1.3% of the processing).
    """

    __slots__ = ("dates", "entities", "links", "quantities", "tokens")

    def __init__(self, dates: list, quantities: list, links: list[MetricLink], tokens: list[Token],
                 entities: list[Entity]) -> None:
        self.dates = dates
        self.quantities = quantities
        self.links = links
        self.tokens = tokens
        self.entities = entities


def analyse_sentence(body: str, start: int = 0, reference: date | None = None,
                     redactions: Iterable[tuple[int, int]] = (), segmenter: str = "rjieba",
                     document_places: Divisions | None = None,
                     document_years: list[int] | None = None, tokens: list[Token] | None = None) -> SentenceAnalysis:
    """Dates, quantities (with their metric), tokens and entities of one sentence starting at ``start``.

    ``redactions`` are sentence-relative spans; tokens are cut at mention edges so none crosses a mention.
    ``document_years`` collects the years the document's sentences state, in order (one list per document), so
    a later 同年 or 当年 takes the last of them. ``tokens`` are the sentence's own, when already cut
    (:func:`~zhetl.segment.sentence_tokens`); otherwise it is cut here.
    """
    redactions = list(redactions)
    clock = _clock()
    folded = fold_width(body)  # (once for both extractors)
    dates = [d for d in find_dates(body, reference, document_years[-1] if document_years else None, folded=folded)
             if (not any(s < d.end and d.start < e for s, e in redactions) or d.redacted)
             and not _span_not_period(body, d)]
    # (Most sentences hold no date, figure or entity: the lists built for them below are skipped, not built empty.)
    if document_years is not None and dates:
        document_years += [d.start_date.year for d in dates if d.kind == "absolute" and d.start_date is not None]
    quantities = find_quantities(body, blocked=[(d.start, d.end) for d in dates] + redactions if dates else redactions,
                                 folded=folded)
    # A bound word inside a mention (突破|30亿元) stays a token of its own, read by the metric rules as before.
    figures = [replace(q, start=q.start + cut) if (cut := bound_word_length(q)) else q for q in quantities] \
        if quantities else quantities
    mentions = _non_overlapping([(d.start + start, d.end + start, "t") for d in dates]
                                + [(q.start + start, q.end + start, "m") for q in figures]) if dates or figures else []
    clock = _lap(DATES_QUANTITIES, clock)
    if tokens is None:
        tokens = tokenize(body, segmenter, offset=start)
    tokens = respect_mentions(tokens, body, mentions, start)
    if quantities:
        bound_words = [(q.start + start, f.start + start, "d") for q, f in zip(quantities, figures)
                       if f.start > q.start]
        if bound_words:
            tokens = respect_mentions(tokens, body, bound_words, start, retag=False)
    clock = _lap(SEGMENT, clock)
    word_tokens = _outside(tokens, mentions) if mentions else tokens
    entities = find_entities(word_tokens, body, start, document_places)
    if entities:
        entity_edges = [(e.start, e.end, ENTITY_TAGS[e.type]) for e in entities]
        tokens = respect_mentions(tokens, body, _non_overlapping(entity_edges), start, retag=False)
    clock = _lap(ENTITIES, clock)
    links: list[MetricLink] = []
    if quantities:  # (without figures there is nothing to link: the blanked-out ones only lend their names)
        places = [(e.start, e.end) for e in entities if e.type == "LOC"]
        links = _links_beside_redactions(tokens, body, start, figures, places)
        quantities = ratio_kinds(quantities, links)
    _lap(METRICS, clock)
    return SentenceAnalysis(dates, quantities, links, tokens, entities)


def _links_beside_redactions(tokens: list[Token], body: str, start: int, quantities: list[Quantity],
                             places: Sequence[tuple[int, int]]) -> list[MetricLink]:
    """Links for the quantities, read with the blanked-out figures among them (so …达到××亿元，增长8% borrows
    the blanked figure's metric), then only the quantities' links kept."""
    spans = [(q.start + start, q.end + start, q.unit) for q in quantities]
    taken = [(q.start, q.end) for q in quantities]
    phantoms = [(s + start, e + start, unit) for s, e, unit in redacted_amounts(body)
                if not any(s < qe and qs < e for qs, qe in taken)]
    if not phantoms:
        return link_metrics(tokens, spans, places)
    ordered = sorted(spans + phantoms)
    linked = dict(zip(ordered, link_metrics(tokens, ordered, places), strict=True))
    return [linked[span] for span in spans]


EVENT_VERBS: Final = frozenset("召开 举行 举办 召开了 举行了 隆重召开 开幕 闭幕 出席 访问 考察 调研 视察 会见 会谈 "
                               "发布".split())
SCOPE_LEVELS: Final = {"全省": "province", "我省": "province", "本省": "province", "该省": "province",
                       "全市": "city", "我市": "city", "本市": "city", "该市": "city", "全州": "city",
                       "全县": "county", "我县": "county", "本县": "county", "该县": "county", "全区": "county",
                       "全旗": "county"}


def facts_of(found: SentenceAnalysis, sentence_start: int = 0, document_places: Divisions | None = None) -> list[dict]:
    """A fact per quantity with a metric: the place and the period it refers to, from the same sentence.

    Place: the place the metric opened with (贵州省贫困发生率), else the nearest place before the number, else
    a scope word (全市) read as the document's latest division of that level. Period: the nearest date
    before the number in the sentence, else the first date after it.
    """
    facts: list[dict] = []
    if not any(link.metric for link in found.links):
        return facts  # (most sentences: no token map built)
    verbs_after = {t.start: t.token for t in found.tokens}
    # 北京召开全国…大会，宣布…832个贫困县: the place where an event happens is not the place a figure counts.
    places = [e for e in found.entities if e.type == "LOC" and verbs_after.get(e.end, "") not in EVENT_VERBS]
    for quantity, link in zip(found.quantities, found.links):
        if not link.metric:
            continue
        q_start = quantity.start + sentence_start
        place = _place_for(q_start, link.place_hint, places, document_places or [])
        before = [d for d in found.dates if d.end <= quantity.start and d.start_date is not None]
        after = [d for d in found.dates if d.start >= quantity.end and d.start_date is not None]
        period = before[-1] if before else (after[0] if after else None)
        facts.append({
            "metric": link.metric, "text": quantity.text, "value": quantity.value, "value_min": quantity.value_min,
            "value_max": quantity.value_max, "approximate": quantity.approximate, "unit": quantity.unit,
            "kind": quantity.kind, "currency": quantity.currency, "change": link.change,
            "place": place[0], "admin_code": place[1], "province": place[2],
            "period_text": period.text if period else None,
            "period_start": period.start_date if period else None, "period_end": period.end_date if period else None,
            "start": q_start, "end": q_start + (quantity.end - quantity.start),
        })
    return facts


def _place_for(start: int, hint: str | None, places: list[Entity], document_places: Divisions) -> tuple:
    named = [e for e in places if e.end <= start]
    if hint:
        hinted = [e for e in named if e.text == hint]
        if hinted:
            entity = hinted[-1]
            return entity.normalized, entity.admin_code, entity.province
        level = SCOPE_LEVELS.get(hint)
        if level is not None:
            division = next((d for d in reversed(document_places) if d.level == level), None)
            if division is not None:
                return division.name, division.code, gazetteer.hierarchy(division)["province"]
        return hint, None, None
    if named:
        entity = named[-1]
        return entity.normalized, entity.admin_code, entity.province
    return None, None, None


def _sentence_rows(text: str, sentence, reference: date | None, redactions: list[tuple[int, int]], segmenter: str,
                   document_context: tuple[Divisions, list[int]], token_columns: _TokenColumns, tokens: list[Token],
                   mentions: _Mentions) -> None:
    document_places, document_years = document_context
    clock = _clock()
    start, end = sentence.start, sentence.end
    body = text[start:end]
    sid = sentence.sentence_id
    local_redactions = [(s - start, e - start) for s, e in redactions if s < end and start < e] if redactions else []
    _lap(ROWS, clock)
    found = analyse_sentence(body, start, reference, local_redactions, segmenter, document_places, document_years,
                             tokens)
    clock = _clock()
    token_columns.add(sid, found.tokens)
    for mention in found.dates:
        mentions.dates.add(sid, start + mention.start, start + mention.end, mention)
    for quantity, link in zip(found.quantities, found.links):
        mentions.quantities.add(sid, start + quantity.start, start + quantity.end, (quantity, link))
    if found.quantities:
        for fact in facts_of(found, start, document_places):
            mentions.facts.add(sid, fact["start"], fact["end"], fact)
    for entity in found.entities:
        mentions.entities.add(sid, entity.start, entity.end, entity)
    _lap(ROWS, clock)


def _outside(tokens: list[Token], mentions: list[tuple[int, int, str]]) -> list[Token]:
    """The tokens outside every mention (``mentions`` sorted and disjoint; tokens already cut at their edges)."""
    kept: list[Token] = []
    position = 0
    for token in tokens:
        while position < len(mentions) and mentions[position][1] <= token.start:
            position += 1
        if not (position < len(mentions) and mentions[position][0] <= token.start
                and token.end <= mentions[position][1]):
            kept.append(token)
    return kept


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    if len(spans) < 2:
        return list(spans)  # (most sentences: sorting through the builtin with a key cost 1,700 instructions)
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
