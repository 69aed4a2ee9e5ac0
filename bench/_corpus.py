"""Generated biographies for benchmarks: varied, deterministic, corpus format."""

from __future__ import annotations

import random

FIRST = ["Anna", "Boris", "Clara", "David", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Nadia", "Oskar", "Priya"]
LAST = ["Novak", "Berg", "Costa", "Dumas", "Ekberg", "Farouk", "Gallo", "Hayashi", "Ibarra", "Jensen", "Kaya", "Lind", "Moreau", "Nair", "Olsen", "Petrov"]
CITIES = ["Paris", "Vienna", "Lisbon", "Kraków", "Odessa", "Buenos Aires", "Cairo", "Kyoto", "Toronto", "Dakar", "Mumbai", "Oslo", "Naples", "Tbilisi"]
JOBS = ["painter", "chemist", "poet", "engineer", "composer", "journalist", "botanist", "architect"]
ORGS = ["the Royal Society", "the Academy of Sciences", "the Workers' Union", "the National Theatre", "the Geographic Society"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def biography(i: int) -> tuple[str, str]:
    """A file name and a biography of a few KB, in the corpus format."""
    r = random.Random(i)
    name = f"{r.choice(FIRST)} {r.choice(LAST)}"
    born = r.randint(1700, 1950)
    died = born + r.randint(30, 90)
    home = r.choice(CITIES)
    lines = [
        f"= {name} =", "", "Infobox", f"- Born: {born}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
        f"- Birthplace: {home}", f"- Died: {died}", "",
        f"{name} ({born} – {died}) was a {r.choice(JOBS)} from {home}.", "",
    ]
    year = born
    for s in range(r.randint(3, 7)):
        lines += [f"=={r.choice(['Early life', 'Career', 'Exile', 'Later years', 'Travels'])} {s + 1}=="]
        for _ in range(r.randint(2, 5)):
            year += r.randint(1, 4)
            city = r.choice(CITIES)
            lines.append(
                f"In {r.choice(MONTHS)} {year}, {name.split()[1]} moved to {city}, where "
                f"{r.choice(['she', 'he'])} joined {r.choice(ORGS)} and met {r.choice(FIRST)} {r.choice(LAST)}. "
                f"From {year} to {year + r.randint(1, 5)} the work continued in {r.choice(CITIES)}."
            )
            lines.append("")
    lines += ["==Works==", "===Books==="]
    for w in range(r.randint(3, 12)):
        lines.append(f"- Book of {r.choice(CITIES)} {w} ({born + 20 + w}) Translator: {r.choice(FIRST)} {r.choice(LAST)}; {r.choice(CITIES)}: Press.")
    return f"bio-{i:05d}.txt", "\n".join(lines) + "\n"
