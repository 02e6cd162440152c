"""Small hand-written texts for the copy and story tests (fiction, written for presstrace)."""

from __future__ import annotations

ORIGINAL = (
    "A fire destroyed the old wooden footbridge in Marlow Cove on Sunday night, and two "
    "people were treated for smoke inhalation, the Harbour Fire Service said.\n\n"
    "The blaze started shortly after 11pm near the fish market and spread along the bridge "
    "within twenty minutes. Firefighters from three stations fought it until dawn.\n\n"
    "“We lost a piece of our history tonight,” said Councillor Petra Lund, who lives beside "
    "the harbour. She said the council would meet on Tuesday to discuss a replacement.\n\n"
    "The bridge, built in 1894, carried about 3,000 walkers a day in summer. Police said "
    "they were treating the fire as suspicious and asked witnesses to come forward."
)

SYNDICATED = "MARLOW COVE (Coastal Wire) — " + ORIGINAL + "\n\nSource: Coastal Wire"

SPUN = (
    "A blaze wrecked the outdated timber footbridge in Marlow Cove on Sunday evening, and "
    "two individuals were handled for smoke inhalation, the Harbour Fire Service stated.\n\n"
    "The fireplace began quickly after 11pm close to the fish market and unfold alongside "
    "the bridge inside twenty minutes. Firemen from three stations combated it till daybreak.\n\n"
    "“We lost a bit of our historical past tonight,” mentioned Councillor Petra Lund, who "
    "lives beside the harbour. She stated the council would meet on Tuesday to debate a "
    "substitute.\n\n"
    "The bridge, constructed in 1894, carried about 3,000 walkers a day in summer season. "
    "Police mentioned they had been treating the fireplace as suspicious and requested "
    "witnesses to return ahead."
)

TRANSLATED = (
    "Un incendio destruyó la vieja pasarela de madera de Marlow Cove el domingo por la "
    "noche, y dos personas fueron atendidas por inhalación de humo, según el Harbour Fire "
    "Service.\n\n"
    "El fuego comenzó poco después de las 11 de la noche cerca del mercado de pescado y se "
    "extendió por el puente en veinte minutos. Bomberos de tres estaciones lo combatieron "
    "hasta el amanecer.\n\n"
    "«Esta noche hemos perdido una parte de nuestra historia», dijo la concejala Petra Lund, "
    "que vive junto al puerto. Añadió que el consejo se reunirá el martes para hablar de "
    "un sustituto.\n\n"
    "El puente, construido en 1894, soportaba unos 3.000 peatones al día en verano. La "
    "policía dijo que trata el incendio como sospechoso y pidió a los testigos que se "
    "presenten."
)

SAME_STORY = (
    "Residents of Marlow Cove woke on Monday to find their harbour footbridge reduced to "
    "charred posts. Petra Lund, a local councillor, called the loss heartbreaking and "
    "promised a public meeting about rebuilding it.\n\n"
    "Investigators have not ruled out arson. The Harbour Fire Service confirmed that two "
    "people needed hospital checks after breathing in smoke, and said crews had worked "
    "for more than six hours.\n\n"
    "Shop owners near the fish market said summer trade depended on the crossing, which "
    "dates from 1894."
)

UNRELATED = (
    "The Northfield chess club won the regional championship on Saturday after a final "
    "round that lasted almost five hours. Its youngest player, twelve-year-old Omar Diaz, "
    "drew against the defending champion with the black pieces.\n\n"
    "The club's coach said the team had practised endgames every evening for a month. "
    "The national finals will be held in the autumn, and the club is raising money for "
    "the trip with a series of simultaneous exhibitions in the town library."
)
