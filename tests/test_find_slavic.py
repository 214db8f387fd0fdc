"""Finding Russian and Ukrainian date phrases in running text: whole phrases, where they stand, read or kept unread."""

from __future__ import annotations

import pytest

from chronology.notation import find_dates
from chronology.notation.find import FROM_EVENT

pytest.importorskip("pymorphy3")
pytest.importorskip("babel")

WHOLE = [
    ("Осенью 2024 года войска прибыли в Курскую область.", ["Осенью 2024 года"]),
    ("Рост составил 5% в первом квартале 2024 года.", ["в первом квартале 2024 года"]),
    ("Летом 2023 года Ким посетил Дальний Восток.", ["Летом 2023 года"]),
    ("Восени 2024 року війська прибули.", ["Восени 2024 року"]),
    ("Весной войска отошли, а осенью вернулись.", ["Весной", "осенью"]),
    ("У другому півріччі очікують зростання.", ["У другому півріччі"]),
    ("В 1990-е годы страна и в 90-х годах экономика менялись.", ["В 1990-е годы", "в 90-х годах"]),
    ("Так было у 1990-х роках і у XX столітті.", ["у 1990-х роках", "у XX столітті"]),
    ("В XXI веке, в XIX столетии и в начале XX века.", ["В XXI веке", "в XIX столетии", "в начале XX века"]),
    ("Так было в конце 1990-х в Москве.", ["в конце 1990-х"]),
    ("В ночь на 5 октября был нанесен удар.", ["В ночь на 5 октября"]),
    ("У ніч на 4 листопада ворог атакував.", ["У ніч на 4 листопада"]),
    ("Удар был в ночь с 4 на 5 октября.", ["в ночь с 4 на 5 октября"]),
    ("Встреча пройдет в пятницу, 25 октября, в Казани.", ["в пятницу, 25 октября"]),
    ("Засідання відбудеться у середу, 30 жовтня.", ["у середу, 30 жовтня"]),
    ("В понедельник, 4 ноября, прошел парад.", ["В понедельник, 4 ноября"]),
    ("Приказ от 18.10.2024 подписан.", ["от 18.10.2024"]),
    ("Приказ подписан 18.10.2024 в Москве.", ["18.10.2024"]),
    ("Приказ 18.10.2024 г. подписан, встреча в 18.10, цена 3.5 рубля.", ["18.10.2024 г."]),
    ("Неделю назад он уехал, а на выходных вернулся.", ["Неделю назад", "на выходных"]),
    ("Минулими вихідними відбулася зустріч.", ["Минулими вихідними"]),
    ("На этой неделе и на следующей неделе будут встречи.", ["На этой неделе", "на следующей неделе"]),
    ("В прошлом году и в следующем месяце.", ["В прошлом году", "в следующем месяце"]),
    ("Сегодня утром был удар, а вечером в пятницу еще один.", ["Сегодня утром", "вечером в пятницу"]),
]


@pytest.mark.parametrize(("text", "phrases"), WHOLE, ids=[case[1][0] for case in WHOLE])
def test_a_phrase_is_found_whole_and_read(text: str, phrases: list[str]) -> None:
    found = find_dates(text)
    assert [p.text for p in found] == phrases
    assert all(text[p.start : p.end] == p.text and p.read for p in found)


def test_a_date_in_figures_in_russian_text_is_day_first() -> None:
    (found,) = find_dates("Приказ подписан 05.10.2024 в Москве.")
    assert found.reading is not None
    assert found.reading.to_edtf() == "2024-10-05"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "phrase", "said"),
    [
        ("Удар был нанесен 3 октебря в Киеве.", "3 октебря", "did you mean '3 октября'"),
        ("Удар был нанесен 3 октебря 2024 года в Киеве.", "3 октебря 2024 года", "did you mean '3 октября 2024 года'"),
        ("Он уехал 18.10.24 г. домой.", "18.10.24 г.", "write it in four"),
        ("Накануне президент выступил с речью.", "Накануне", FROM_EVENT),
        ("В тот же день войска отошли.", "В тот же день", FROM_EVENT),
        ("Напередодні відбулася зустріч.", "Напередодні", FROM_EVENT),
    ],
    ids=["misspelt month", "misspelt month with year", "two-digit year", "накануне", "в тот же день", "напередодні"],
)
def test_a_phrase_that_is_not_read_is_kept_unread_with_its_reason(text: str, phrase: str, said: str) -> None:
    (found,) = find_dates(text)
    assert found.text == phrase == text[found.start : found.end]
    assert not found.read
    assert said in found.refusal


def test_a_word_after_a_number_that_is_no_misspelt_date_word_is_not_kept() -> None:
    assert find_dates("Погибли 3 человека, ранены 12 военных.") == []
