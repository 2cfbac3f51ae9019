"""Facts the advanced models page states in prose (docs/models/advanced.md)."""

from keras_kb.facts import fact, printed

PAGE = "models/advanced.md"


@fact(
    PAGE,
    ko="숫자 특성 {}개와 단어 {}개짜리 시퀀스를 함께 받는 모델",
    en="takes {} numeric features and a sequence of {} words together",
)
def input_sizes():
    shapes = printed(PAGE, r"\(None, (\d+)\) \(None, (\d+)\) -> \(None, (\d+)\)")
    return shapes[1], shapes[2]
