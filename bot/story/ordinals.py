"""Chapter and part headings written with words: "Erstes Kapitel", "Rozdział pierwszy", "Első fejezet".

Each language has its words for a chapter and a part, and its ordinal numbers from one to twenty
(in every gender and case a heading uses, written as many ways as authors write them), plus
the cardinals that follow a label ("Kapitel zwölf", "Hoofdstuk een"). A heading is a label and a
number word of the same language in either order: "Erstes Kapitel" and "Kapitel eins",
"Pirmā nodaļa", "Κεφάλαιο πρώτο". A number word of one language beside another's label
("Erstes fejezet") is text.

Words are compared folded (:func:`fold`): lower case, without accents, so "ΚΕΦΆΛΑΙΟ ΠΡΏΤΟ" in
capitals and "Pirma nodala" typed without diacritics read as written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TypeVar

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class _Language:
    chapters: str  # the words for a chapter, "|" between them
    parts: str  # the words for a part, a book of the story
    ordinals: str  # one to twenty, "," between numbers, "/" between the forms of one number
    cardinals: str = ""  # one to twenty as they follow a label ("Kapitel zwölf"), the same way


_LANGUAGES: dict[str, _Language] = {
    "en": _Language(
        "chapter",
        "part|book|act",  # "Second Book", a play's "FIRST ACT" (Wilde's)
        "first,second,third,fourth,fifth,sixth,seventh,eighth,ninth,tenth,eleventh,twelfth,thirteenth,"
        "fourteenth,fifteenth,sixteenth,seventeenth,eighteenth,nineteenth,twentieth",
    ),
    "de": _Language(
        "kapitel",
        "teil|buch",
        "erste/erster/erstes,zweite/zweiter/zweites,dritte/dritter/drittes,vierte/vierter/viertes,"
        "fünfte/fünfter/fünftes,sechste/sechster/sechstes,siebte/siebter/siebtes/siebente/siebenter/siebentes,"
        "achte/achter/achtes,neunte/neunter/neuntes,zehnte/zehnter/zehntes,elfte/elfter/elftes,"
        "zwölfte/zwölfter/zwölftes,dreizehnte/dreizehnter/dreizehntes,vierzehnte/vierzehnter/vierzehntes,"
        "fünfzehnte/fünfzehnter/fünfzehntes,sechzehnte/sechzehnter/sechzehntes,siebzehnte/siebzehnter/siebzehntes,"
        "achtzehnte/achtzehnter/achtzehntes,neunzehnte/neunzehnter/neunzehntes,zwanzigste/zwanzigster/zwanzigstes",
        "eins,zwei,drei,vier,fünf,sechs,sieben,acht,neun,zehn,elf,zwölf,dreizehn,vierzehn,fünfzehn,sechzehn,"
        "siebzehn,achtzehn,neunzehn,zwanzig",
    ),
    "nl": _Language(
        "hoofdstuk",
        "deel|boek",
        "eerste,tweede,derde,vierde,vijfde,zesde,zevende,achtste,negende,tiende,elfde,twaalfde,dertiende,"
        "veertiende,vijftiende,zestiende,zeventiende,achttiende,negentiende,twintigste",
        "een/één,twee,drie,vier,vijf,zes,zeven,acht,negen,tien,elf,twaalf,dertien,veertien,vijftien,zestien,"
        "zeventien,achttien,negentien,twintig",
    ),
    "sv": _Language(
        "kapitel|kapitlet",
        "del|delen|bok|boken",
        "första,andra,tredje,fjärde,femte,sjätte,sjunde,åttonde,nionde,tionde,elfte,tolfte,trettonde,fjortonde,"
        "femtonde,sextonde,sjuttonde,artonde,nittonde,tjugonde",
        "ett/en,två,tre,fyra,fem,sex,sju,åtta,nio,tio,elva,tolv,tretton,fjorton,femton,sexton,sjutton,arton,"
        "nitton,tjugo",
    ),
    "da": _Language(
        "kapitel|kapitlet|kapittel|kapittelet",
        "del|delen|bog|bok",
        "første,anden/andet/andre,tredje,fjerde,femte,sjette,syvende/sjuende,ottende/åttende,niende,tiende,"
        "ellevte,tolvte,trettende,fjortende,femtende,sekstende,syttende,attende,nittende,tyvende/tjuende",
        "et/en/ett,to,tre,fire,fem,seks,syv/sju,otte/åtte,ni,ti,elleve,tolv,tretten,fjorten,femten,seksten,"
        "sytten,atten,nitten,tyve/tjue",
    ),
    "is": _Language(
        "kafli",
        "hluti",
        "fyrsti/fyrsta,annar/annað/önnur,þriðji/þriðja,fjórði/fjórða,fimmti/fimmta,sjötti/sjötta,"
        "sjöundi/sjöunda,áttundi/áttunda,níundi/níunda,tíundi/tíunda,ellefti/ellefta,tólfti/tólfta,"
        "þrettándi/þrettánda,fjórtándi/fjórtánda,fimmtándi/fimmtánda,sextándi/sextánda,sautjándi/sautjánda,"
        "átjándi/átjánda,nítjándi/nítjánda,tuttugasti/tuttugasta",
    ),
    "fr": _Language(
        "chapitre",
        "partie|livre",
        "premier/première,deuxième/second/seconde,troisième,quatrième,cinquième,sixième,septième,"
        "huitième,neuvième,dixième,onzième,douzième,treizième,quatorzième,quinzième,seizième,dix-septième,"
        "dix-huitième,dix-neuvième,vingtième",
        "un/une,deux,trois,quatre,cinq,six,sept,huit,neuf,dix,onze,douze,treize,quatorze,quinze,seize,"
        "dix-sept,dix-huit,dix-neuf,vingt",
    ),
    "es": _Language(
        "capítulo",
        "parte|libro",
        "primero/primera/primer,segundo/segunda,tercero/tercera/tercer,cuarto/cuarta,quinto/quinta,sexto/sexta,"
        "séptimo/séptima/sétimo,octavo/octava,noveno/novena,décimo/décima,"
        "undécimo/undécima/decimoprimero/decimoprimera/décimo primero,"
        "duodécimo/duodécima/decimosegundo/decimosegunda/décimo segundo,"
        "decimotercero/decimotercera/decimotercer/décimo tercero,decimocuarto/decimocuarta/décimo cuarto,"
        "decimoquinto/decimoquinta/décimo quinto,decimosexto/decimosexta/décimo sexto,"
        "decimoséptimo/decimoséptima/décimo séptimo,decimoctavo/decimoctava/décimo octavo,"
        "decimonoveno/decimonovena/décimo noveno,vigésimo/vigésima",
        "uno/una,dos,tres,cuatro,cinco,seis,siete,ocho,nueve,diez,once,doce,trece,catorce,quince,dieciséis,"
        "diecisiete,dieciocho,diecinueve,veinte",
    ),
    "pt": _Language(
        "capítulo",
        "parte|livro",
        "primeiro/primeira,segundo/segunda,terceiro/terceira,quarto/quarta,quinto/quinta,sexto/sexta,"
        "sétimo/sétima,oitavo/oitava,nono/nona,décimo/décima,décimo primeiro/décima primeira,"
        "décimo segundo/décima segunda,décimo terceiro/décima terceira,décimo quarto/décima quarta,"
        "décimo quinto/décima quinta,décimo sexto/décima sexta,décimo sétimo/décima sétima,"
        "décimo oitavo/décima oitava,décimo nono/décima nona,vigésimo/vigésima",
        "um/uma,dois/duas,três,quatro,cinco,seis,sete,oito,nove,dez,onze,doze,treze,catorze/quatorze,quinze,"
        "dezesseis/dezasseis,dezessete/dezassete,dezoito,dezenove/dezanove,vinte",
    ),
    "it": _Language(
        "capitolo",
        "parte|libro",
        "primo/prima,secondo/seconda,terzo/terza,quarto/quarta,quinto/quinta,sesto/sesta,settimo/settima,"
        "ottavo/ottava,nono/nona,decimo/decima,undicesimo/undicesima,dodicesimo/dodicesima,"
        "tredicesimo/tredicesima,quattordicesimo/quattordicesima,quindicesimo/quindicesima,"
        "sedicesimo/sedicesima,diciassettesimo/diciassettesima,diciottesimo/diciottesima,"
        "diciannovesimo/diciannovesima,ventesimo/ventesima",
        "uno/una,due,tre,quattro,cinque,sei,sette,otto,nove,dieci,undici,dodici,tredici,quattordici,quindici,"
        "sedici,diciassette,diciotto,diciannove,venti",
    ),
    "ro": _Language(
        "capitolul|capitol",
        "partea|parte|cartea",
        "întâi/intâi/primul/prima,al doilea/a doua,al treilea/a treia,al patrulea/a patra,al cincilea/a cincea,"
        "al șaselea/a șasea,al șaptelea/a șaptea,al optulea/a opta,al nouălea/a noua,al zecelea/a zecea,"
        "al unsprezecelea/a unsprezecea,al doisprezecelea/a douăsprezecea,al treisprezecelea/a treisprezecea,"
        "al paisprezecelea/a paisprezecea,al cincisprezecelea/a cincisprezecea,al șaisprezecelea/a șaisprezecea,"
        "al șaptesprezecelea/a șaptesprezecea,al optsprezecelea/a optsprezecea,"
        "al nouăsprezecelea/a nouăsprezecea,al douăzecilea/a douăzecea",
        "unu/una,doi/două,trei,patru,cinci,șase,șapte,opt,nouă,zece,unsprezece,doisprezece/douăsprezece,"
        "treisprezece,paisprezece,cincisprezece,șaisprezece,șaptesprezece,optsprezece,nouăsprezece,douăzeci",
    ),
    "pl": _Language(
        "rozdział",
        "część|księga|tom",
        "pierwszy/pierwsza,drugi/druga,trzeci/trzecia,czwarty/czwarta,piąty/piąta,szósty/szósta,siódmy/siódma,"
        "ósmy/ósma,dziewiąty/dziewiąta,dziesiąty/dziesiąta,jedenasty/jedenasta,dwunasty/dwunasta,"
        "trzynasty/trzynasta,czternasty/czternasta,piętnasty/piętnasta,szesnasty/szesnasta,"
        "siedemnasty/siedemnasta,osiemnasty/osiemnasta,dziewiętnasty/dziewiętnasta,dwudziesty/dwudziesta",
        "jeden/jedna,dwa/dwie,trzy,cztery,pięć,sześć,siedem,osiem,dziewięć,dziesięć,jedenaście,dwanaście,"
        "trzynaście,czternaście,piętnaście,szesnaście,siedemnaście,osiemnaście,dziewiętnaście,dwadzieścia",
    ),
    "cs": _Language(
        "kapitola",
        "část|díl|kniha",
        "první,druhá/druhý/druhé,třetí,čtvrtá/čtvrtý/čtvrté,pátá/pátý/páté,šestá/šestý/šesté,sedmá/sedmý/sedmé,"
        "osmá/osmý/osmé,devátá/devátý/deváté,desátá/desátý/desáté,jedenáctá/jedenáctý/jedenácté,"
        "dvanáctá/dvanáctý/dvanácté,třináctá/třináctý/třinácté,čtrnáctá/čtrnáctý/čtrnácté,"
        "patnáctá/patnáctý/patnácté,šestnáctá/šestnáctý/šestnácté,sedmnáctá/sedmnáctý/sedmnácté,"
        "osmnáctá/osmnáctý/osmnácté,devatenáctá/devatenáctý/devatenácté,dvacátá/dvacátý/dvacáté",
        "jedna/jeden,dva/dvě,tři,čtyři,pět,šest,sedm,osm,devět,deset,jedenáct,dvanáct,třináct,čtrnáct,"
        "patnáct,šestnáct,sedmnáct,osmnáct,devatenáct,dvacet",
    ),
    "sk": _Language(
        "kapitola",
        "časť|diel|kniha",
        "prvá/prvý/prvé,druhá/druhý/druhé,tretia/tretí/tretie,štvrtá/štvrtý/štvrté,piata/piaty/piate,"
        "šiesta/šiesty/šieste,siedma/siedmy/siedme,ôsma/ôsmy/ôsme,deviata/deviaty/deviate,desiata/desiaty/desiate,"
        "jedenásta/jedenásty/jedenáste,dvanásta/dvanásty/dvanáste,trinásta/trinásty/trináste,"
        "štrnásta/štrnásty/štrnáste,pätnásta/pätnásty/pätnáste,šestnásta/šestnásty/šestnáste,"
        "sedemnásta/sedemnásty/sedemnáste,osemnásta/osemnásty/osemnáste,devätnásta/devätnásty/devätnáste,"
        "dvadsiata/dvadsiaty/dvadsiate",
    ),
    "hr": _Language(  # Croatian, Serbian and Bosnian in Latin letters; Slovene
        "poglavlje|poglavje",
        "dio|deo|del|knjiga",
        "prvo/prvi/prva,drugo/drugi/druga,treće/treći/treća/tretje/tretji,četvrto/četvrti/četvrta/četrto/četrti,"
        "peto/peti/peta,šesto/šesti/šesta,sedmo/sedmi/sedma,osmo/osmi/osma,deveto/deveti/deveta,"
        "deseto/deseti/deseta,jedanaesto/jedanaesti/jedanaesta/enajsto,dvanaesto/dvanaesti/dvanaesta/dvanajsto,"
        "trinaesto/trinaesti/trinaesta/trinajsto,četrnaesto/četrnaesti/četrnaesta/štirinajsto,"
        "petnaesto/petnaesti/petnaesta/petnajsto,šesnaesto/šesnaesti/šesnaesta/šestnajsto,"
        "sedamnaesto/sedamnaesti/sedamnaesta/sedemnajsto,osamnaesto/osamnaesti/osamnaesta/osemnajsto,"
        "devetnaesto/devetnaesti/devetnaesta/devetnajsto,dvadeseto/dvadeseti/dvadeseta/dvajseto",
    ),
    "hu": _Language(
        "fejezet",
        "rész|könyv",
        "első,második,harmadik,negyedik,ötödik,hatodik,hetedik,nyolcadik,kilencedik,tizedik,tizenegyedik,"
        "tizenkettedik,tizenharmadik,tizennegyedik,tizenötödik,tizenhatodik,tizenhetedik,tizennyolcadik,"
        "tizenkilencedik,huszadik",
    ),
    "fi": _Language(
        "luku",
        "osa|kirja",
        "ensimmäinen,toinen,kolmas,neljäs,viides,kuudes,seitsemäs,kahdeksas,yhdeksäs,kymmenes,yhdestoista,"
        "kahdestoista,kolmastoista,neljästoista,viidestoista,kuudestoista,seitsemästoista,kahdeksastoista,"
        "yhdeksästoista,kahdeskymmenes",
        "yksi,kaksi,kolme,neljä,viisi,kuusi,seitsemän,kahdeksan,yhdeksän,kymmenen,yksitoista,kaksitoista,"
        "kolmetoista,neljätoista,viisitoista,kuusitoista,seitsemäntoista,kahdeksantoista,yhdeksäntoista,"
        "kaksikymmentä",
    ),
    "et": _Language(
        "peatükk",
        "osa|raamat",
        "esimene,teine,kolmas,neljas,viies,kuues,seitsmes,kaheksas,üheksas,kümnes,üheteistkümnes,"
        "kaheteistkümnes,kolmeteistkümnes,neljateistkümnes,viieteistkümnes,kuueteistkümnes,seitsmeteistkümnes,"
        "kaheksateistkümnes,üheksateistkümnes,kahekümnes",
        "üks,kaks,kolm,neli,viis,kuus,seitse,kaheksa,üheksa,kümme,üksteist,kaksteist,kolmteist,neliteist,"
        "viisteist,kuusteist,seitseteist,kaheksateist,üheksateist,kakskümmend",
    ),
    "lv": _Language(
        "nodaļa",
        "daļa|grāmata",
        "pirmā/pirmais,otrā/otrais,trešā/trešais,ceturtā/ceturtais,piektā/piektais,sestā/sestais,"
        "septītā/septītais,astotā/astotais,devītā/devītais,desmitā/desmitais,vienpadsmitā/vienpadsmitais,"
        "divpadsmitā/divpadsmitais,trīspadsmitā/trīspadsmitais,četrpadsmitā/četrpadsmitais,"
        "piecpadsmitā/piecpadsmitais,sešpadsmitā/sešpadsmitais,septiņpadsmitā/septiņpadsmitais,"
        "astoņpadsmitā/astoņpadsmitais,deviņpadsmitā/deviņpadsmitais,divdesmitā/divdesmitais",
    ),
    "lt": _Language(
        "skyrius",
        "dalis|knyga",
        "pirmas/pirmasis/pirma/pirmoji,antras/antrasis/antra/antroji,trečias/trečiasis/trečia/trečioji,"
        "ketvirtas/ketvirtasis/ketvirta/ketvirtoji,penktas/penktasis/penkta/penktoji,"
        "šeštas/šeštasis/šešta/šeštoji,septintas/septintasis/septinta/septintoji,"
        "aštuntas/aštuntasis/aštunta/aštuntoji,devintas/devintasis/devinta/devintoji,"
        "dešimtas/dešimtasis/dešimta/dešimtoji,vienuoliktas/vienuoliktasis/vienuolikta/vienuoliktoji,"
        "dvyliktas/dvyliktasis/dvylikta/dvyliktoji,tryliktas/tryliktasis/trylikta/tryliktoji,"
        "keturioliktas/keturioliktasis/keturiolikta/keturioliktoji,"
        "penkioliktas/penkioliktasis/penkiolikta/penkioliktoji,šešioliktas/šešioliktasis/šešiolikta/šešioliktoji,"
        "septynioliktas/septynioliktasis/septyniolikta/septynioliktoji,"
        "aštuonioliktas/aštuonioliktasis/aštuoniolikta/aštuonioliktoji,"
        "devynioliktas/devynioliktasis/devyniolikta/devynioliktoji,dvidešimtas/dvidešimtasis/dvidešimta/dvidešimtoji",
    ),
    "tr": _Language(
        "bölüm",
        "kısım|kitap",
        "birinci,ikinci,üçüncü,dördüncü,beşinci,altıncı,yedinci,sekizinci,dokuzuncu,onuncu,on birinci/onbirinci,"
        "on ikinci/onikinci,on üçüncü/onüçüncü,on dördüncü/ondördüncü,on beşinci/onbeşinci,"
        "on altıncı/onaltıncı,on yedinci/onyedinci,on sekizinci/onsekizinci,on dokuzuncu/ondokuzuncu,yirminci",
        "bir,iki,üç,dört,beş,altı,yedi,sekiz,dokuz,on,on bir/onbir,on iki/oniki,on üç/onüç,on dört/ondört,"
        "on beş/onbeş,on altı/onaltı,on yedi/onyedi,on sekiz/onsekiz,on dokuz/ondokuz,yirmi",
    ),
    "el": _Language(
        "κεφάλαιο",
        "μέρος|βιβλίο",
        "πρώτο/πρώτος/πρώτη,δεύτερο/δεύτερος/δεύτερη,τρίτο/τρίτος/τρίτη,τέταρτο/τέταρτος/τέταρτη,"
        "πέμπτο/πέμπτος/πέμπτη,έκτο/έκτος/έκτη,έβδομο/έβδομος/έβδομη,όγδοο/όγδοος/όγδοη,ένατο/ένατος/ένατη,"
        "δέκατο/δέκατος/δέκατη,ενδέκατο/εντέκατο/ενδέκατος/εντέκατος,δωδέκατο/δωδέκατος,"
        "δέκατο τρίτο/δέκατος τρίτος,δέκατο τέταρτο/δέκατος τέταρτος,δέκατο πέμπτο/δέκατος πέμπτος,"
        "δέκατο έκτο/δέκατος έκτος,δέκατο έβδομο/δέκατος έβδομος,δέκατο όγδοο/δέκατος όγδοος,"
        "δέκατο ένατο/δέκατος ένατος,εικοστό/εικοστός",
    ),
    "ru": _Language(
        "глава",
        "часть|книга|том",
        "первая/первый/первое,вторая/второй/второе,третья/третий/третье,четвёртая/четвёртый/четвёртое,"
        "пятая/пятый/пятое,шестая/шестой/шестое,седьмая/седьмой/седьмое,восьмая/восьмой/восьмое,"
        "девятая/девятый/девятое,десятая/десятый/десятое,одиннадцатая/одиннадцатый,двенадцатая/двенадцатый,"
        "тринадцатая/тринадцатый,четырнадцатая/четырнадцатый,пятнадцатая/пятнадцатый,"
        "шестнадцатая/шестнадцатый,семнадцатая/семнадцатый,восемнадцатая/восемнадцатый,"
        "девятнадцатая/девятнадцатый,двадцатая/двадцатый",
        "один/одна,два/две,три,четыре,пять,шесть,семь,восемь,девять,десять,одиннадцать,двенадцать,"
        "тринадцать,четырнадцать,пятнадцать,шестнадцать,семнадцать,восемнадцать,девятнадцать,двадцать",
    ),
    "uk": _Language(
        "розділ",
        "частина|книга|том",
        "перший/перша,другий/друга,третій/третя,четвертий/четверта,п'ятий/п'ята,шостий/шоста,сьомий/сьома,"
        "восьмий/восьма,дев'ятий/дев'ята,десятий/десята,одинадцятий/одинадцята,дванадцятий/дванадцята,"
        "тринадцятий/тринадцята,чотирнадцятий/чотирнадцята,п'ятнадцятий/п'ятнадцята,"
        "шістнадцятий/шістнадцята,сімнадцятий/сімнадцята,вісімнадцятий/вісімнадцята,"
        "дев'ятнадцятий/дев'ятнадцята,двадцятий/двадцята",
        "один/одна,два/дві,три,чотири,п'ять,шість,сім,вісім,дев'ять,десять,одинадцять,дванадцять,тринадцять,"
        "чотирнадцять,п'ятнадцять,шістнадцять,сімнадцять,вісімнадцять,дев'ятнадцять,двадцять",
    ),
    "ar": _Language(  # "الفصل الأول", with or without the hamza
        "الفصل|فصل|الباب",
        "الجزء|جزء|الكتاب",
        "الأول/الاول/الأولى/الاولى,الثاني/الثانية,الثالث/الثالثة,الرابع/الرابعة,الخامس/الخامسة,السادس/السادسة,"
        "السابع/السابعة,الثامن/الثامنة,التاسع/التاسعة,العاشر/العاشرة,الحادي عشر/الحادية عشرة,"
        "الثاني عشر/الثانية عشرة,الثالث عشر/الثالثة عشرة,الرابع عشر/الرابعة عشرة,الخامس عشر/الخامسة عشرة,"
        "السادس عشر/السادسة عشرة,السابع عشر/السابعة عشرة,الثامن عشر/الثامنة عشرة,التاسع عشر/التاسعة عشرة,"
        "العشرون",
    ),
    "he": _Language(  # "פרק ראשון"; past ten a chapter counts in cardinals, "פרק אחד עשר"
        "פרק",
        "חלק|ספר",
        "ראשון/ראשונה,שני/שנייה/שניה,שלישי/שלישית,רביעי/רביעית,חמישי/חמישית,שישי/שישית,שביעי/שביעית,"
        "שמיני/שמינית,תשיעי/תשיעית,עשירי/עשירית",
        "אחד/אחת,שניים/שנים/שתיים,שלושה/שלוש,ארבעה/ארבע,חמישה/חמש,שישה/שש,שבעה/שבע,שמונה,תשעה/תשע,"
        "עשרה/עשר,אחד עשר/אחת עשרה,שנים עשר/שתים עשרה,שלושה עשר/שלוש עשרה,ארבעה עשר/ארבע עשרה,"
        "חמישה עשר/חמש עשרה,שישה עשר/שש עשרה,שבעה עשר/שבע עשרה,שמונה עשר/שמונה עשרה,תשעה עשר/תשע עשרה,עשרים",
    ),
}

# Letters written more than one way: Romanian's comma below and the cedilla of old keyboards,
# Ukrainian's apostrophe as typed or as a typographer sets it. The tables hold every spelling.
_OTHER_SPELLINGS = (("ș", "ş"), ("ț", "ţ"), ("'", "’"), ("'", "ʼ"))


def _spellings(word: str) -> set[str]:
    """The word and its other spellings ("al șaselea", "al şaselea"; "п'ятий", "п’ятий")."""
    spellings = {word}
    for usual, other in _OTHER_SPELLINGS:
        spellings |= {spelling.replace(usual, other) for spelling in spellings}
    return spellings


def lower(word: str) -> str:
    """A word in lower case, Turkish "İ" too."""
    return word.casefold().replace("i\u0307", "i")


def fold(word: str) -> str:
    """A word in lower case and without accents, as it reads typed in capitals or without diacritics."""
    decomposed = unicodedata.normalize("NFD", lower(word))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def find(table: dict[str, _T], word: str) -> _T | None:
    """What the table holds for a word as written or, failing that, folded ("Pirma" for "Pirmā")."""
    key = lower(word)
    found = table.get(key)
    return found if found is not None or key.isascii() else table.get(fold(key))


@dataclass(frozen=True, slots=True)
class Label:
    language: str
    kind: str  # "chapter" or "part"


def _labels() -> dict[str, tuple[Label, ...]]:
    """Label word -> the languages it is a label in, under its written and its folded form."""
    labels: dict[str, tuple[Label, ...]] = {}
    for code, language in _LANGUAGES.items():
        for kind, words in (("chapter", language.chapters), ("part", language.parts)):
            for word in words.split("|"):
                for key in {lower(word), fold(word)}:  # no label has another spelling
                    labels[key] = (*labels.get(key, ()), Label(code, kind))
    return labels


def _forms(field: str) -> list[tuple[str, str, int]]:
    """(form as written, language, value) for each language's ordinals or cardinals."""
    forms = []
    for code, language in _LANGUAGES.items():
        listed = getattr(language, field)
        for value, numbers in enumerate(listed.split(",") if listed else (), start=1):
            forms.extend((spelling, code, value) for form in numbers.split("/") for spelling in _spellings(form))
    return forms


def _numbers(field: str) -> dict[str, dict[str, int]]:
    """Number word -> {language: value}, under its folded form and then its written form, which
    wins where two fold alike (Norwegian "åttende" is 8, Danish "attende" 18)."""
    numbers: dict[str, dict[str, int]] = {}
    forms = _forms(field)
    for form, code, value in forms:
        numbers.setdefault(fold(form), {})[code] = value
    for form, code, value in forms:
        numbers.setdefault(lower(form), {})[code] = value
    return numbers


def _first_words() -> set[str]:
    """The first word of every label and ordinal as written: a cardinal only ever follows a
    label ("Kapitel zwölf"), so none starts a heading."""
    words = [label for language in _LANGUAGES.values() for label in f"{language.chapters}|{language.parts}".split("|")]
    words += [form for form, _, _ in _forms("ordinals")]
    return {word.split()[0] for word in words}


def _capitalised(word: str) -> set[str]:
    """The word as a heading's first word is written: capitalised or in capitals, with its accents
    or without, and with Turkish's dotted capital "İ"."""
    forms = {word.capitalize(), word.upper(), fold(word).capitalize(), fold(word).upper()}
    return forms | {form.replace("I", "İ") for form in forms}


LABELS = _labels()
ORDINALS = _numbers("ordinals")
CARDINALS = _numbers("cardinals")
LONGEST = max(len(key.split()) for table in (ORDINALS, CARDINALS) for key in table)  # words in one number
# The quick tests every line with a capital first passes: its first three characters, then its
# first word in lower case (:meth:`str.lower`, so "i̇kinci" from "İkinci" and "πρωτο" from "ΠΡΩΤΟ").
STARTS = frozenset((form + " ")[:3] for word in _first_words() for form in _capitalised(word))
FIRST_WORDS = frozenset(form.lower() for word in _first_words() for form in _capitalised(word))
