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

# Two reports written from one template about different events: the sentences align
# word for word, but the towns, people, dates and figures differ.
TEMPLATE_REPORT = (
    "On Monday, the Marlow Cove town council approved a budget of 4.2 million pounds for "
    "2027, with 12 councillors voting in favour and 3 against.\n\n"
    "The budget sets aside 850,000 pounds for road repairs and 300,000 pounds for the "
    "harbour library, council leader Petra Lund said after the vote.\n\n"
    "Council tax in Marlow Cove will rise by 2.5 percent from April, the first increase "
    "since 2021.\n\n"
    "The opposition group, led by Tomas Brandt, said the rise was too high for families "
    "in Westgate, Eastwick and Hollow Lane and promised to vote against it again in March."
)

TEMPLATE_OTHER_EVENT = (
    "On Thursday, the Fenwick Bay town council approved a budget of 6.8 million pounds for "
    "2027, with 17 councillors voting in favour and 5 against.\n\n"
    "The budget sets aside 1,200,000 pounds for road repairs and 450,000 pounds for the "
    "harbour library, council leader Oskar Reyes said after the vote.\n\n"
    "Council tax in Fenwick Bay will rise by 3.1 percent from May, the first increase "
    "since 2019.\n\n"
    "The opposition group, led by Mira Solberg, said the rise was too high for families "
    "in Northend, Saltmarsh and Kiln Road and promised to vote against it again in June."
)

# A spun copy of TEMPLATE_REPORT: words swapped (a capitalised one among them), every
# figure, date and name kept.
TEMPLATE_SPUN = (
    "On Monday, the Marlow Cove township authority accepted a funding plan of 4.2 million "
    "pounds for 2027, with 12 councillors voting in support and 3 against.\n\n"
    "The funding plan reserves 850,000 pounds for street repairs and 300,000 pounds for "
    "the harbour library, authority head Petra Lund stated following the vote.\n\n"
    "Local tax in Marlow Cove will go up by 2.5 percent from April, the first rise "
    "since 2021.\n\n"
    "The opposition group, led by Tomas Brandt, stated the increase was too high for "
    "households in Westgate, Eastwick and Hollow Lane and vowed to vote against it again "
    "in March."
)
