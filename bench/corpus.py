"""A synthetic corpus for speed measurements only: sentence templates recombined with varied
figures, dates, actors and places, in both languages, about 3 KB an article.

Articles are dated like a newsroom's archive of one story: `per_day` articles a day, so a
larger corpus covers a longer period rather than cramming more reports into the same weeks."""
from __future__ import annotations

import random
from datetime import date, timedelta

MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

ACTORS_ID = ["Korea Utara", "Rusia", "Ukraina", "Amerika Serikat", "Korea Selatan", "Tiongkok"]
SPEAKERS_ID = ["Kremlin", "Pentagon", "Mark Rutte", "Dmitry Peskov", "Kemlu Korsel", "BNPB"]
PLACES_ID = ["Kursk", "Moskow", "Kharkiv", "Donetsk", "Cianjur", "Belgorod"]
ACTORS_EN = ["North Korean", "Russian", "Ukrainian", "American", "South Korean", "Chinese"]
SPEAKERS_EN = ["the Kremlin", "the Pentagon", "Mark Rutte", "Dmitry Peskov", "Seoul", "NATO"]
PLACES_EN = ["Kursk", "Moscow", "Kharkiv", "Donetsk", "Belgorod", "Kyiv"]

TEMPLATES_ID = [
    "Menurut {speaker}, sekitar {n} tentara {actor} telah tiba di {place} pada {day} {d} {month} {y}.",
    "{speaker} membantah laporan tentang pengerahan pasukan {actor} ke {place}.",
    "Sebanyak {n} warga mengungsi setelah serangan di {place}, kata {speaker}.",
    "\"Situasi di {place} sangat berbahaya,\" ujar {speaker} kepada wartawan.",
    "Lebih dari {n} tentara {actor} tewas atau terluka dalam perang tersebut.",
    "{speaker} mengonfirmasi bahwa pasukan {actor} telah dikerahkan ke wilayah {place}.",
    "Pada {day} lalu, {speaker} tidak secara tegas menyangkal keberadaan pasukan tersebut.",
    "Rusia berencana mengerahkan {n} tentara {actor} ke {place} dalam beberapa minggu ke depan.",
    "Konflik yang berlangsung sejak Februari 2022 itu telah menewaskan puluhan ribu orang.",
    "Pertemuan itu digelar di {place} dan dihadiri pejabat dari {actor} serta negara lain.",
]
TEMPLATES_EN = [
    "According to {speaker}, about {n} {actor} troops arrived in {place} on {month} {d}, {y}.",
    "{speaker} denied reports of a deployment of {actor} troops to {place}.",
    "More than {n} people fled their homes after the attack on {place}, {speaker} said.",
    "\"The situation in {place} is very dangerous,\" {speaker} told reporters.",
    "More than {n} {actor} soldiers have been killed or wounded in the war.",
    "{speaker} confirmed that {actor} forces had been deployed to the {place} region.",
    "On Thursday, {speaker} did not explicitly deny the presence of the troops.",
    "Russia plans to send {n} {actor} troops to {place} in the coming weeks.",
    "The war, which began in February 2022, has killed tens of thousands of people.",
    "The meeting was held in {place} with officials from several countries attending.",
]


FIGURES = [800, 1500, 8000, 10000, 12000, 600000, 250, 3200]


def _figure(rng: random.Random, lang: str, actor: int, place: int) -> str:
    """Outlets mostly agree: each actor and place has its figure, and one report in eight
    gives another."""
    n = FIGURES[(actor * 3 + place) % len(FIGURES)] if rng.random() > 0.125 else rng.choice(FIGURES)
    return f"{n:,}".replace(",", ".") if lang == "id" else f"{n:,}"


START = date(2020, 1, 1)  # the first day of the corpus's archive


def article(index: int, seed: int = 7, target_bytes: int = 3000, per_day: int = 5,
            published: date | None = None) -> tuple[str, str]:
    """(file name, text) of synthetic article number `index`, dated `published` if given (a
    post into a stored period), else by its place in the archive."""
    rng = random.Random(seed * 1_000_003 + index)
    lang = "id" if index % 3 else "en"
    published = published or START + timedelta(days=index // per_day)
    templates = TEMPLATES_ID if lang == "id" else TEMPLATES_EN
    fill = (ACTORS_ID, SPEAKERS_ID, PLACES_ID) if lang == "id" else (ACTORS_EN, SPEAKERS_EN, PLACES_EN)
    lines = [f"---\nsource: Outlet {index % 40}\npublished: {published.isoformat()}\nlanguage: {lang}\n---",
             f"Synthetic report {index}"]
    size = 0
    while size < target_bytes:
        when = published - timedelta(days=rng.randrange(10))
        actor, place = rng.randrange(len(fill[0])), rng.randrange(len(fill[2]))
        sentence = rng.choice(templates).format(
            actor=fill[0][actor], speaker=rng.choice(fill[1]), place=fill[2][place],
            n=_figure(rng, lang, actor, place), d=when.day, y=when.year,
            month=(MONTHS_ID if lang == "id" else MONTHS_EN)[when.month - 1],
            day=DAYS_ID[when.weekday()])
        sentence = sentence[0].upper() + sentence[1:]
        lines.append(sentence)
        size += len(sentence.encode()) + 1
    return f"synthetic_{index:06d}.txt", "\n\n".join(lines) + "\n"
