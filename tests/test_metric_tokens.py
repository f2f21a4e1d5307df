from hypothesis import given
from hypothesis import strategies as st

from zhetl import metric_tokens
from zhetl.metric_tokens import _normalise
from zhetl.segment import Token

# Words the rules of _normalise read, words they do not, and tags of both kinds.
_WORDS = ["率", "支出", "供水", "每", "每斤", "同比增加", "环比下降", "之比为", "之", "比", "快", "于", "类", "组装",
          "站", "污水处理", "点", "户", "边缘", "民生", "价格上涨", "村", "数由", "率为", "时期", "年", "均", "带动",
          "就业",
          "行政", "村集体经营性收入", "过渡期", "内", "精简", "创建", "4A", "级", "及", "以上", "基本", "，", "按",
          "计算", "工作", "发展", "群众", "1.9万人", "的", "了"]
_TAGS = ["n", "v", "vn", "nz", "m", "q", "a", "l", "zg", "t", "d", "x", "i", "j", "p"]


@st.composite
def _token_runs(draw: st.DrawFn) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for word, tag in draw(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_TAGS)), max_size=12)):
        tokens.append(Token(word, tag, position, position + len(word)))
        position += len(word)
    return tokens


@given(_token_runs())
def test_tokens_no_rule_reads_pass_through_as_the_rules_would_leave_them(tokens: list[Token]) -> None:
    fast = _normalise(tokens)
    saved = metric_tokens._NORMALISED_PREFIXES
    metric_tokens._NORMALISED_PREFIXES = ("",)  # every word then starts with a prefix: each goes through the rules
    try:
        assert fast == _normalise(tokens)
    finally:
        metric_tokens._NORMALISED_PREFIXES = saved
