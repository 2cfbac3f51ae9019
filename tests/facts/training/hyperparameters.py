"""Facts the hyperparameter search page states in prose (docs/training/hyperparameters.md)."""

import inspect

from sklearn.model_selection import RandomizedSearchCV

from keras_kb.facts import fact, printed

PAGE = "training/hyperparameters.md"


@fact(PAGE, ko="(`refit={}`가 기본)", en="(`refit={}` by default)")
def refit_default():
    return str(inspect.signature(RandomizedSearchCV).parameters["refit"].default)


@fact(
    PAGE,
    ko="테스트 정확도보다 {0} 나옵니다",
    en="cross-validation accuracy comes out {1} than the test",
)
def cv_below_test():
    cv = float(printed(PAGE, r"cv accuracy ([\d.]+)")[1])
    test = float(printed(PAGE, r"test accuracy of the refitted best model: ([\d.]+)")[1])
    return ("낮게", "lower") if cv < test else ("높게", "higher")


@fact(
    PAGE,
    ko='"설정" {}개를 검증 샘플 {}개로 평가해 가장 좋은 것을 고르면, 검증 정확도는 {}%쯤으로 '
    "보이지만 새 데이터에서는 여전히 {}%입니다",
    en='{} "settings" that all predict by coin toss (true accuracy 50%) are scored on {} '
    "validation samples; the best one seems to reach about {}% on validation, yet on new "
    "data it is still {}%",
)
def validation_overfit():
    run = printed(
        PAGE,
        r"best of (\d+) configurations on (\d+) validation samples: "
        r"validation accuracy ([\d.]+), test accuracy ([\d.]+)",
    )
    return run[1], run[2], str(round(100 * float(run[3]))), str(round(100 * float(run[4])))
