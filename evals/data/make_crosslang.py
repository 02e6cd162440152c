"""Writes crosslang_pairs.jsonl: pairs in different languages, written by the presstrace team.

Everything here is fiction (invented towns, people and numbers). Translations were written
by hand; one imitates machine-translation artefacts. The same-story pairs were written
independently in each language from the same invented facts, so they share names and
numbers but no sentences. Run: python evals/data/make_crosslang.py
"""

from __future__ import annotations

import json
from pathlib import Path

STRIKE_EN = (
    "Dock workers at the port of Haldon walked out on Monday at the start of a 48-hour "
    "strike over pay, leaving 14 cargo ships waiting offshore.\n\n"
    "The union representing about 1,200 workers said the operator had refused to match "
    "inflation for the second year running. “Our members cannot pay their rent with "
    "promises,” said Maren Osk, the union's regional secretary.\n\n"
    "The port authority said perishable goods would be diverted to Tolvik. Talks are due to "
    "resume on Friday under a government mediator, Arno Bexley."
)
STRIKE_FR = (
    "Les dockers du port de Haldon ont cessé le travail lundi au début d'une grève de 48 "
    "heures sur les salaires, laissant 14 cargos en attente au large.\n\n"
    "Le syndicat qui représente environ 1 200 travailleurs a indiqué que l'exploitant avait "
    "refusé, pour la deuxième année consécutive, d'aligner les salaires sur l'inflation. "
    "« Nos membres ne peuvent pas payer leur loyer avec des promesses », a déclaré Maren Osk, "
    "secrétaire régionale du syndicat.\n\n"
    "L'autorité portuaire a précisé que les denrées périssables seraient détournées vers "
    "Tolvik. Les négociations doivent reprendre vendredi sous l'égide d'un médiateur "
    "gouvernemental, Arno Bexley."
)
STRIKE_ES_OWN = (
    "Catorce buques esperan frente a la costa de Haldon. Los estibadores, convocados por el "
    "sindicato de Maren Osk, mantienen desde el lunes un paro que, según la organización, "
    "responde a años de salarios congelados.\n\n"
    "En los muelles vacíos, varios trabajadores explicaban que el alquiler se ha duplicado "
    "en una década. La empresa operadora no ha querido hacer declaraciones.\n\n"
    "El Gobierno ha nombrado a Arno Bexley como mediador y las partes volverán a sentarse "
    "el viernes. Mientras tanto, la fruta y el pescado se desvían al puerto de Tolvik."
)
SCHOOL_EN = (
    "Part of the roof of Brisa Valley Primary School collapsed on Wednesday night, hours "
    "after the last pupils had gone home. Nobody was hurt.\n\n"
    "The head teacher, Jonas Feld, said the school's 340 pupils would be taught in the town "
    "library and two church halls until repairs were finished. Engineers estimated the work "
    "at €1.5 million.\n\n"
    "Parents said they had warned the district council about water leaking through the "
    "ceiling since January. The council said an inspection in March had found no danger. "
    "The school expects to reopen in September."
)
SCHOOL_DE_MT = (
    "Teil von das Dach von Brisa Valley Grundschule ist eingestürzt am Mittwoch Nacht, "
    "Stunden nachdem die letzten Schüler nach Hause gegangen waren.Niemand wurde verletzt.\n\n"
    "Der Kopf Lehrer, Jonas Feld, sagte die 340 Schüler der Schule würden unterrichtet in "
    "der Stadt Bibliothek und zwei Kirche Hallen bis Reparaturen fertig waren. . Ingenieure "
    "schätzten die Arbeit auf 1,5 Millionen €.\n\n"
    "Eltern sagten sie hatten gewarnt den Bezirk Rat über Wasser undicht durch die Decke "
    "seit Januar. Der Rat sagte eine Inspektion im März hatte keine Gefahr gefunden. Die "
    "Schule erwartet wieder zu öffnen im September."
)
SCHOOL_FR_OWN = (
    "À Brisa Valley, l'école primaire restera fermée jusqu'à la rentrée de septembre. Une "
    "partie de la toiture s'est effondrée dans la nuit de mercredi, sans faire de blessés.\n\n"
    "Des parents affirment avoir signalé des infiltrations dès le mois de janvier. Le "
    "conseil de district assure de son côté qu'aucun risque n'avait été relevé.\n\n"
    "En attendant, Jonas Feld, le directeur, répartit ses élèves entre la bibliothèque "
    "municipale et des salles paroissiales."
)
DOG_EN = (
    "A sheepdog that ran away during last week's storm has been found alive on a hillside "
    "by two walkers, her owner said.\n\n"
    "The dog had been missing for eight days and was thin but unhurt. The walkers spotted "
    "her sheltering under a rock and carried her down to the village.\n\n"
    "Her owner said she had almost given up hope and thanked everyone who had shared "
    "appeals online. The vet said the dog would make a full recovery."
)
DOG_ES = (
    "Una perra pastora que se escapó durante la tormenta de la semana pasada ha sido "
    "encontrada con vida en una ladera por dos excursionistas, según contó su dueña.\n\n"
    "La perra llevaba ocho días desaparecida y estaba delgada pero ilesa. Los "
    "excursionistas la vieron refugiada bajo una roca y la bajaron en brazos hasta el "
    "pueblo.\n\n"
    "Su dueña dijo que casi había perdido la esperanza y dio las gracias a todos los que "
    "habían compartido los avisos en internet. El veterinario afirmó que se recuperará "
    "por completo."
)
FOOTBALL_ES = (
    "El Haldon Athletic ganó el sábado por 3-1 al Tolvik United en un partido disputado "
    "bajo la lluvia. El delantero Pavel Ruo marcó dos goles en la segunda parte.\n\n"
    "Con esta victoria, el equipo sube al tercer puesto de la liga. El entrenador dijo "
    "que el grupo había trabajado mucho la presión tras pérdida durante la semana."
)

PAIRS = [
    ("strike-en-fr", "translated", STRIKE_EN, STRIKE_FR),
    ("school-en-de-mt", "translated", SCHOOL_EN, SCHOOL_DE_MT),
    ("dog-en-es-few-anchors", "translated", DOG_EN, DOG_ES),
    ("strike-en-es-own-words", "same_story", STRIKE_EN, STRIKE_ES_OWN),
    ("school-en-fr-own-words", "same_story", SCHOOL_EN, SCHOOL_FR_OWN),
    ("strike-fr-es-own-words", "same_story", STRIKE_FR, STRIKE_ES_OWN),
    ("strike-en-football-es", "unrelated", STRIKE_EN, FOOTBALL_ES),
    ("dog-es-school-en", "unrelated", DOG_ES, SCHOOL_EN),
]


def main() -> None:
    out = Path(__file__).with_name("crosslang_pairs.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for pid, expected, a, b in PAIRS:
            row = {"id": pid, "expected": expected, "a": a, "b": b}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
