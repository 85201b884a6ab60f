"""Plain text: the table of transcript conventions.

A *convention* is how one family of transcripts prints who speaks: the shape of a
speaker label, which page furniture surrounds the speech, how interjections are set.
Each is a small declarative entry here; :mod:`debatekit._text_sniff` scores every entry
on a document and the reader follows the one that explains it best. Adding a
convention is adding an entry (and real test files under ``tests/data/text/``).

A ``label`` pattern is matched at the start of a line (``re.MULTILINE`` when sniffing)
and has a group ``label`` (and optionally ``time``); the text starts where the match
ends. Entries without a pattern use the reader's built-in colon rules (``Name:``,
``HOLT:``, ``Q:``, ``**Name:**``, ``[00:01] Name:``), restricted to one ``dialect``
or all of them (``"auto"``).
"""

from __future__ import annotations

import re

import attrs

__all__ = ["CONVENTIONS", "Convention"]

# A surname as the US Congressional Record prints it in a label: capitals, with
# Mc/Mac/De/La prefixes in mixed case (McCONNELL), hyphens and apostrophes.
_CR_SURNAME = r"(?:Mc|Mac|De|Di|La|Le|Van|Von|O')?[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?"
_CR_STATE = r"(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
# A GPO hearing prints the surname in mixed case (Chairman Shelby., Mr. Rush.,
# Secretary Paulson., The Chairman.) and the speech always runs on on the label's
# line: a paragraph holding only "Ms. Casey." is the chair calling a witness, text.
_HEARING_SURNAME = (
    r"(?!(?:Chairman|Chairwoman|Chair|Secretary|President|Speaker|Senator)\b)"
    r"(?:Mc|Mac|De|Di|La|Le|Van|Von|O')?[A-Z][a-z]+(?:[\-'][A-Z][a-z]+)?"
    # a second word: "Mr. Van Hollen.", "Ms. Jackson Lee.", "Senator Van Hollen."
    r"(?: (?:Mc|Mac|De|La|Van|Von|O')?[A-Z][a-z]+)?"
)
_HEARING_OFFICE = (
    r"Mr|Mrs|Ms|Miss|Dr|Senator|Chairman|Chairwoman|Representative|Delegate|Secretary"
    r"|Governor|Ambassador|General|Admiral|Commissioner|Director|Administrator|Judge"
    r"|Ranking Member|Vice Chairman|Vice Chairwoman"
)
# A note on the circumstances after a member's name: "Mr. SMITH (during the reading).",
# "(at the request of Mr. Doe)" (always lower case, unlike a chair's name).
_CR_NOTE = r"(?: \([a-z][^()\n]{2,60}\))?"
_CONGRESSIONAL = (
    # (Indented, as the GPO prints a paragraph; or not, as copies taken out of HTML
    # print it, where only a name in capitals is a label: "Mr. PRICE of Georgia.")
    r"(?:[ ]{1,6}|(?=(?:Mr|Mrs|Ms|Miss|Dr)\. (?:Mc|Mac|De|Di|La|Le|Van|Von|O')?[A-Z][A-Z'\-]"
    r"|The (?:[A-Z][a-z]+ )?[A-Z]{3}))(?P<label>"
    rf"(?:Mr|Mrs|Ms|Miss|Dr)\. {_CR_SURNAME}{_CR_STATE}{_CR_NOTE}"
    rf"|(?:Senator|Chairman|Chairwoman|Representative|Delegate) {_CR_SURNAME}"
    r"|The (?:[A-Z][a-z]+ )?[A-Z]{3,}(?: [A-Z]{3,})*(?: pro tempore)?(?: \([^()\n]{2,60}\))?"
    rf"|(?:(?:{_HEARING_OFFICE})\.? {_HEARING_SURNAME}{_CR_STATE}"
    r"|The (?:Acting |Vice )?(?:Chairman|Chairwoman|Chair|Clerk))(?=\.[ \t]+\S)"
    r")\.(?:[ \t]+|$)"
)

# A podcast that prints the name in bold with no colon, after a timestamp that some
# turns lack or print damaged: "0:00:36.2 **Adam Garrett-Harris** I'm Adam.",
# ":00:40.6 **Jason Staten** ...", "** Jen** (laughs)" (Orbit FM); or after it,
# "**Jane Doe** [00:01:02] text". A colon inside or after the bold ("**Name:**") is
# the colon convention's.
_BOLD_NAME = (
    r"[ \t]*(?:(?P<time>:?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[ \t]+)?"
    # (An Otter export in Markdown prints the names it knows in bold and "Unknown
    # Speaker  7:40" plain: a plain name counts where a time alone follows it.)
    # (A separator may stand between the name and the time: "Jane Doe — 00:01:02",
    # "Jane Doe • 00:01:02"; it is no part of the name.)
    r"(?:(?P<bold>\*\*)[ \t]*"
    r"|(?=[A-Z][^*:\n]{0,60}?(?:[ \t]+[-–—•@|·])?[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$))"
    r"(?P<label>[A-Z][^*:\n]{0,60}?)"
    r"(?(bold)[ \t]*\*\*(?![*:])"
    r"|(?=(?:[ \t]+[-–—•@|·])?[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$))"
    r"(?:[ \t]+[-–—•@|·](?=[ \t]))?"
    r"(?:[ \t]+(?P<after>[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]?))?(?:[ \t]+|$)"
)

# Diarised transcripts (speech-to-text tools, podcast archives): the speaker in square
# brackets, then the time in brackets, then the text, with no colon:
# "[Speaker 1] [00:17] So, Brigitte, ...", "[Jane Doe] (01:02:03) text". The time right
# after the name is what tells a label from a bracketed stage direction ("[Applause]").
# Zoom's saved captions print the time bare: "[Jane Doe] 10:03:02 text".
_BRACKETED_NAME = (
    r"[ \t]*\[(?P<label>[^\[\]():\n]{1,60}?)\][ \t]*"
    r"(?:[\[(](?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]"
    r"|(?P<bare>(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?))(?:[ \t]+|$)"
)

# Broadcast captions kept as text (closed captions, CART): ">>" (or ">>>") opens the
# line where the speaker changes, with a name and a colon where the captioner knows
# it (">> SPEAKER JOHNSON: Good morning."); a bare marker is an unnamed speaker.
_BROADCAST = (
    r"[ \t]*(?P<marker>>>>?)[ \t]*"
    r"(?:(?P<label>[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|of|the|de|van|von)){0,5})"
    r"[ \t]*:(?:[ \t]+|$))?"
)

# A German plenary protocol label: an office before the name (Präsident Dr. A B), a
# party or group in parentheses (G H (SPD), with a constituency before it), or an
# office after a comma (Dr. E F, Bundesminister der Finanzen). The colon may follow a
# space (OCR) and the text may run on on the same line.
# Academic titles before the name: German (Dr., Prof., the theologian's D. of the 1950s
# and 1960s: 'Präsident D. Dr. Gerstenmaier'), Austrian (Mag., Ing., DI, Dipl.-Ing.,
# MMag., Dkfm., the feminine Mag.a and Dr.in).
_DE_TITLE = (
    r"(?:Dr\.in|Mag\.a|Dipl\.-[A-Z][a-z]{1,6}\.|h\. ?c\.(?: mult\.)?|D(?=\. )|Dr|Prof|Frau"
    r"|Graf|Freiherr"
    r"|Mag|MMag|Ing|DI|Dkfm)"
)
# Degrees an Austrian record prints after the name (Karl Nehammer, MSc).
_DE_DEGREE = r"(?:,? (?:BA|BSc|MA|MSc|MBA|MAS|MEd|BEd|PhD|LL\.M\.|LL\.B\.))*"
_DE_NAME = (
    rf"(?:{_DE_TITLE}\.? )*(?:(?:von|van|de|zu|vom)(?: der)? )?[A-ZÄÖÜ][\w'\-]+"
    rf"(?: (?:von |van |de |zu )?[A-ZÄÖÜ][\w'\-]+){{0,3}}{_DE_DEGREE}"
)
# Offices printed before the name: the chair, the government, and the Austrian
# 'Abgeordneter' (member) with which the Nationalrat labels every member.
_DE_OFFICE = (
    r"(?:(?:(?:Zweite|Dritte)r? )?(?:Alters|Vize|Landtags|Minister)?[Pp]räsident(?:in)?"
    r"|Bundeskanzler(?:in)?|Vizekanzler(?:in)?|(?:Bundes|Staats|Landes)?[Mm]inister(?:in)?|Staatssekretär(?:in)?"
    r"|Senator(?:in)?|(?:Erste[r]? |Regierende[r]? )?Bürgermeister(?:in)?"
    r"|Abgeordnete[r]?|Abg\."
    # the Austrian Bundesrat's members and a Land government's members (Bundesrat
    # Stefan Schennach, Bundesrätin Dr. Andrea Eder-Gitschthaler, Landesrat X)
    r"|(?:Bundes|Landes)rat|(?:Bundes|Landes)rätin|Landeshauptmann|Landeshauptfrau)"
    # the portfolio between office and name (Bundesministerin für Justiz Dr. Alma Zadić,
    # Staatssekretärin im Bundeskanzleramt Claudia Plakolm)
    r"(?: (?:für|im|in der|beim|der|des) [^:()\n]{2,80}?)?"
)
# A party or group after the name: in parentheses (G H (SPD)), in square brackets
# where the label stands alone on its line (Schleswig-Holstein: Tobias Koch [CDU]:; in
# the Bundestag's interjections "Michael Grosse-" / "Brömer [CDU/CSU]: ..." wraps inside
# the parenthesis), or, after "Abg.", bare (Baden-Württemberg: Abg. Dr. Hans-Ulrich
# Rülke FDP/DVP, Abg. Andreas Stoch SPD).
_DE_GROUP = r"(?: \([^()\n:]{2,40}\))"
_DE_SQUARE = r"(?: \[[^\[\]\n:]{2,40}\]){1,2}(?=[ ]?:[ \t]*$)"
_DE_BARE_PARTY = r" (?:[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,9}/)?[A-ZÄÖÜ][A-Za-zÄÖÜ]*[A-ZÄÖÜ]"
_PLENARPROTOKOLL = (
    r"(?=.*:)(?P<label>"  # (a colon on the line: a cheap test first)
    rf"{_DE_OFFICE} {_DE_NAME}{_DE_GROUP}{{0,2}}"
    rf"|{_DE_NAME}{_DE_GROUP}{{1,2}}"
    rf"|{_DE_NAME}{_DE_SQUARE}"
    rf"|Abg\. {_DE_NAME}{_DE_BARE_PARTY}"
    rf"|{_DE_NAME}, [A-ZÄÖÜ][\w./\-]*(?:,? [\w./\-]+){{0,10}}"
    # an office in lower case after the comma (the Swiss Bulletin in French and
    # Italian: Berset Alain, conseiller fédéral)
    rf"|{_DE_NAME}, (?:conseill(?:er|ère) fédéral(?:e)?|consiglier[ea] federale"
    r"|rapporteur|rapporteuse|relatore|relatrice|président|présidente|presidente)"
    r")[ ]?:(?:[ \t]+|$)"
)

# A French compte rendu label: M., Mme or Mlle, a name or an office, a period; the
# speech runs on on the same line.
_COMPTE_RENDU = (
    r"[ \t]*(?P<label>(?:M|MM|Mme|Mlle)\.?[ \u00a0]"
    r"(?:le |la |l['’]|de |d['’]|du )*(?:[A-ZÉÈ][\w'’\-]+"
    # an office instead of a name: M. le président, Mme la ministre déléguée, M. le
    # président de la commission, Mme la rapporteure générale, M. le secrétaire d'État,
    # M. le garde des sceaux, M. le Premier ministre
    r"|(?:[Pp]remier |[Pp]remière |vice-)?(?:président|présidente|ministre|rapporteur|rapporteure"
    r"|secrétaire d['’][ÉE]tat|garde des sceaux|questeur|questeure)"
    r"(?: (?:délégué|déléguée|général|générale|suppléant|suppléante))?"
    r"(?: (?:de la|du|des|de l['’]|de) ?[a-zé][\w'’,\- ]{2,160}?(?=\.))?)"
    r"(?:[ \-](?:de |d['’]|du |la |le )?[A-ZÉÈ][\w'’\-]+){0,4}"
    # the group in parentheses (the Luxembourg Chambre: M. Fernand Etgen (DP).-)
    r"(?: \([^()\n]{1,30}\))?"
    # the office after a comma (M. Y, ministre de ...; Mme Z, Première ministre)
    r"(?:, [\wé][^.\n]{2,200}?)?)"
    # the full stop, after a space in the Sénat's analytical report, and there a dash
    # before the speech ("M. Pierre-Yves Collombat .  - Après ..."), or the dash right
    # after it (the Luxembourg Chambre's "M. le Président.- Merci.")
    r"[ \u00a0]?\.(?:[ \t\u00a0]*[-–—](?=[ \t\u00a0]))?(?:[ \t\u00a0]+|$)"
)


# An Australian Hansard label of the ParlInfo fragments: a title (or 'The' before an
# office), capitalised words, up to two parentheses (electorate and office with an em
# dash inside, the time), then an em dash the speech runs on from.
_HANSARD_DASH = (
    r"(?P<label>(?:The|Madam|Mr|Mrs|Ms|Miss|Dr|Senator|Hon|Sir|Dame)"
    r"(?: [A-Z][\w'’.\-]*){1,4}(?: \([^()\n]{1,120}\)){0,2}) ?—(?:(?=\S)|[ \t]+|$)"
)


# The UK Hansard as its website prints it (and Westminster Hansards copied from the
# web): the speaker alone on a line, no colon, the speech on the lines after it.
# "The Prime Minister (Rishi Sunak)", "Sir Keir Starmer (Holborn and St Pancras)
# (Lab)", "Mr Speaker" (names in mixed case: a line in capitals is a heading), a member
# named in full with a constituency ("Stephen Flynn (Aberdeen South) (SNP)"), an oral
# question's number before the name ("Q1. Mrs Flick Drummond (Meon Valley) (Con)").
_HANSARD_PARENS = r"(?: \([^()\n]{1,80}(?:\([^()\n]{1,40}\))?[^()\n]{0,20}\))"
_HANSARD_LINE = (
    r"(?:Q?\d{1,3}\.[ \t]+)?(?P<label>"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Viscount|Earl|Madam|Professor)"
    r"(?: [A-Z][\w'’\-]*){1,4}"
    r"|The (?:[A-Z][a-z][\w'’\-]*)(?: (?:[A-Z][a-z][\w'’\-]*|of|for|and|the)){0,8})"
    rf"{_HANSARD_PARENS}{{0,3}}"
    # A member without a title is named with a constituency at least.
    rf"|[A-Z][a-z][\w'’\-]*(?: [A-Z][a-z][\w'’\-]*){{1,3}}{_HANSARD_PARENS}{{1,3}}"
    r")[ \t]*$"
)


# The European Parliament's verbatim report (CRE), in every language: the speaker, a
# full stop and a dash, then the speech on the same line: "President. – The next item
# ...", "Manfred Weber, on behalf of the PPE Group. – Madam President, ...", "Manfred
# Weber (PPE). – ...".
_EP_WORD = r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][\w'’\-]*"
_EP_PARTICLE = r"(?:de|da|di|do|del|della|dos|van|von|der|den|la|le|du|des|y|e|zu|af|of|ter)"
_EUROPARL = (
    # A name (capitalised words, with particles), a group in brackets, after a comma
    # what the speaker speaks as; no colon and no sentence inside.
    rf"[ \t\u00a0]*(?P<label>{_EP_WORD}(?: (?:{_EP_PARTICLE} )*{_EP_WORD}){{0,4}}"
    r"(?: \([^()\n]{1,40}\))?(?:, [^\n.:–—]{1,120})?)"
    r"\.[ \u00a0]+[–—-][ \u00a0]+(?=\S)"
)


# Transcription services' exports that print a time beside the name and no colon:
# "Jane Doe [00:00:01] text" or "Jane Doe (00:01) text" (the time after the name, the
# speech on the same line or below); "00:00:01 Jane Doe" alone on its line (the time
# before the name, the speech below). A name is one to five capitalised words.
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# (A diarising service's number counts as a word: "Speaker 1".)
_TIMED_NAME_WORDS = r"[A-Z][\w'’.\-]*(?: (?:[A-Z][\w'’.\-]*|\d{1,2}|de|van|von|der|la|le|del)){0,4}"
_NAME_TIME = rf"(?P<label>{_TIMED_NAME_WORDS})[ \t]+[\[(](?P<time>{_TIME})[\])](?:[ \t]+|$)"
# (A clock time of day, "3:26 P.M. EST" at the head and foot of a White House
# transcript, names no one.)
# The time may be in brackets and followed by a dash: "[00:00:01] Jane Doe" (Trint),
# "[00:02:14.37] - Speaker 1" (Happy Scribe).
_TIME_NAME = (
    rf"[\[(]?(?P<time>{_TIME})[\])]?[ \t]+(?:[-–—][ \t]+)?"
    rf"(?![AaPp]\.?[Mm]\.?(?:[ \t]|$))(?P<label>{_TIMED_NAME_WORDS})[ \t]*$"
)
# A name in capitals alone on its line, the speech on the lines below (scripts,
# broadcast transcripts, some interview archives): "JANE DOE", "MR. SMITH", "JANE DOE,
# HOST". A line in capitals that never repeats is a heading (the sniffer's rule).
_CAPS_LINE = (
    # (Only capitals and the label's punctuation on the line: a cheap test first.)
    r"(?=[A-Z][A-Z'’.\-, \t]*$)"
    # (No word of a heading: "BUSINESS OF THE HOUSE", "RESPONSE TO PETITIONS".)
    r"(?![^\n]*\b(?:OF|THE|AND|TO|FOR|IN|ON|AT|BY|WITH|DE|DU|LA|LE|DES|DER|DIE|UND)\b)"
    r"(?P<label>(?:(?:MR|MRS|MS|DR)\.? )?[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’.\-]+){0,2}"
    # (A word broken at a hyphen, "HOLT-", is a wrapped line, never a name.)
    r"(?:, [A-Z][A-Z '’.\-]{1,40})?)(?<!-)[ \t]*$"
)


# A name set as a Markdown heading, alone on its line, the speech in the paragraphs
# below (fan and archive transcripts published as web pages: "#### TIM", "### Jane
# Doe"), a manner in brackets after it on occasion ("#### TIM [laughing]"). Words of a
# heading are not names: "### Cool Things of the Week", "##### Where can you find us?".
_HEADING_NAME = (
    r"#{1,6}[ \t]+(?P<label>[A-Z][\w'’.\-]*"
    r"(?: (?:[A-Z][\w'’.\-]*|\d{1,2}|de|van|von|der|la|le)){0,3})"
    r"(?:[ \t]+[\[(][^\[\]()\n]{1,40}[\])])?:?[ \t]*$"
)

# Transcripts copied from a table (a word processor's, a web page's, a spreadsheet
# export): the name, a tab, the speech, a time before or after the name in a column
# of its own at times: "Jane Doe<TAB>text", "00:00:01<TAB>Jane Doe<TAB>text".
_TABBED = (
    rf"[ ]*(?:[\[(]?(?P<time>{_TIME})[\])]?\t+)?(?P<label>{_TIMED_NAME_WORDS})"
    rf"(?:\t+[\[(]?(?P<after>{_TIME})[\])]?)?\t[ \t]*"
)


# A name in mixed case alone on its line, the speech in the lines below, no colon and
# no time (transcripts copied from web pages: "Ira Glass", "Sarah Koenig"): one to four
# capitalised words, never a one-word reply ("Yeah", "Okay") that a speech may be.
_REPLIES = (
    r"(?:Yeah|Yep|Yes|No|Nope|Okay|Ok|Right|Sure|Exactly|Thanks|Thank you|Mhm|Hmm|Uh|Um"
    r"|Wow|Oh|Ah|Absolutely|Totally|Correct|Great|Cool|Nice|Agreed|Indeed|Really|True"
    r"|Well|So|And|But|Anyway|Alright|All right|Bye|Hello|Hi|Hey|Welcome|Good|Fine)"
)
_NAME_LINE = (
    rf"(?=[A-Z][a-z][^\n]{{0,48}}$)(?!{_REPLIES}[ \t]*$)"
    # (a title or an office first is a Hansard's: "Mr. Pierre de Savoye")
    r"(?!(?:Mr|Mrs|Ms|Miss|Dr|Hon|Rt|Sir|Dame|Lord|Lady|The|Madam|Senator|Prof)\b)"
    r"(?P<label>[A-Z][a-z][\w'’.\-]*"
    r"(?: (?:[A-Z][\w'’.\-]*|de|van|von|der|den|la|le|del|da|di|du)){0,3})[ \t]*$"
    # (not a name whose colon stands alone on the next line, "Puhemies Paula Risikko" /
    # ":": a label of the colon rules, as the sniffer sees it in the whole text)
    r"(?!\n[ \t]*:[ \t]*$)"
)


# The Italian Parliament's stenographic record (resoconto stenografico): the speaker in
# capitals, a full stop, the speech on the same line: "PRESIDENTE. Ha facoltà di
# parlare ...", "MARIO ROSSI. Grazie, Presidente.", "GIORGIA MELONI, Presidente del
# Consiglio dei ministri. Signor Presidente, ...".
# (Capitals of Latin Extended-A and B too: the Lithuanian Seimas' "A. ANUŠAUSKAS
# (TS-LKDF).", "PIRMININKĖ (V. ČMILYTĖ-NIELSEN).")
_CAPS = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(
    c for c in map(chr, range(0x100, 0x250)) if c.isupper()
)
_RESOCONTO = (
    # (An English title before its full stop, "HON. V. PILLAY.- text", is no label of
    # its own: the Commonwealth Hansards' point-dash labels below.)
    r"(?!(?:HON|MR|MRS|MS|DR|REV|SEN|RT|MADAM)\.)"
    # initials before the surname, the group or the chair's holder in parentheses (the
    # Italian Senato: "MALAN (FdI). Signor Presidente")
    rf"(?P<label>(?:[{_CAPS}]\. ?){{0,2}}[{_CAPS}]{{2}}[{_CAPS}'’\-]+"
    rf"(?: [{_CAPS}][{_CAPS}'’\-]*){{0,4}}(?: \([^()\n]{{1,60}}\))?"
    r"(?:, [^\n.:]{2,120})?)\.[ \t]+(?=\S)"
)


# The Turkish Grand National Assembly's record (tutanak): the speaker in capitals, the
# constituency in parentheses, a spaced dash, the speech on the same line: "BAŞKAN –
# Sayın milletvekilleri", "ENGİN ALTAY (İstanbul) – Sayın Başkan".
_TUTANAK = (
    rf"(?P<label>[{_CAPS}]{{2}}[{_CAPS}'’.\-]*(?: [{_CAPS}][{_CAPS}'’.\-]*){{0,8}}"
    r"(?: \([^()\n]{1,60}\))?) [–—-] (?=\S)"
)


# The Latvian Saeima's record: the chair "Sēdes vadītājs." / "Sēdes vadītāja.", a member
# as initial and surname with the group in parentheses, "J.Dombrava (NA).", an office
# before the initial, "Finanšu ministrs A.Ašeradens."; a full stop, the speech on the
# same line.
_LV_UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
_LV_LOWER = "a-zāčēģīķļņšūž"
_SAEIMA = (
    rf"(?P<label>Sēdes vadītāj(?:s|a)|(?:[{_LV_UPPER}][{_LV_LOWER}]+ [{_LV_LOWER}]+ )?"
    rf"(?:[{_LV_UPPER}]\.){{1,2}} ?[{_LV_UPPER}][{_LV_LOWER}\-]+(?:-[{_LV_UPPER}][{_LV_LOWER}]+)?"
    r"(?: \([^()\n]{1,30}\))?)\.[ \t]+(?=\S)"
)


# Commonwealth Hansards printed from the daily PDF (Fiji, the Pacific): the speaker in
# capitals, a full stop and a dash or a colon, the speech on the same line: "HON. V.
# PILLAY.- Mr Speaker, ...", "HON.  SPEAKER.: Order!", "HON. F.S. KOYA (Minister for
# Commerce, Trade, Tourism and Transport).- Thank you", "HON. GOVERNMENT MEMBER.:".
_POINT_DASH = (
    r"[ \t]*(?P<label>[A-Z][A-Z'’\-]+\.?(?:[ ]{1,3}[A-Z][A-Z'’.\-]*){0,6}"
    r"(?: \([^()\n]{1,120}\))?)\.[ ]?[-–—:](?:[ \t]+|$)"
)


# Chinese records (the Hong Kong Legislative Council's Official Record, Taiwan's
# Legislative Yuan): the speaker, an office or a name with its title, in Han
# characters, a full-width colon, the speech on the same line: "主席：行政長官，請
# 發表施政報告。", "陳偉業議員： “大話精 ”下台！". A heading ends in the colon alone
# ("出席議員：", the members present), and a line of speech may wrap to open with a
# few characters and a colon: a label counts where its name recurs (``repeats``).
_HAN_COLON = (
    r"[ \t\u3000]*(?P<label>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·‧・]{1,12}"
    r"(?:[（(][^（）()\n]{1,30}[）)])?)[ \t\u3000]*：[ \t\u3000]*(?=\S)"
)


# Stenograms in Cyrillic (the Verkhovna Rada's plenary and committee stenograms, other
# post-Soviet parliaments): the speaker in capitals, a surname with initials or an
# office, a full stop, the speech on the same line, no colon: "АРІСТОВ Ю.Ю. Доброго
# дня", "ГОЛОВУЮЧИЙ. Шановні колеги", "ГОЛОС ІЗ ЗАЛУ. Давайте ...".
_CYR = "\u0400-\u042f\u0490\u0492\u049a\u04a2\u04ae\u04b0\u04ba\u04d8\u04e8"
_STENOGRAM = (
    rf"(?P<label>[{_CYR}]{{2}}[{_CYR}'’\-]*(?: [{_CYR}]{{2}}[{_CYR}'’\-]*){{0,4}}"
    rf"(?: [{_CYR}](?:\. ?[{_CYR}])?)?)\.[ \t]+(?=\S)"
)


# A Spanish Diario de Sesiones label (Congreso, Senado, regional parliaments): an
# article and "señor"/"señora", the name or the office, mostly in capitals, the
# holder of an office in parentheses, a colon; the speech runs on: "El señor
# PRESIDENTE: ...", "La señora MINISTRA DE HACIENDA (Montero Cuadrado): ...", "El
# señor VICEPRESIDENTE DEL GOBIERNO Y CONSEJERO DE EDUCACIÓN, UNIVERSIDADES Y
# SOSTENIBILIDAD (Pérez García): ...", older records in mixed case ("El señor
# presidente:", "La señora Arévalo Araya:"); Catalan "El senyor", Galician "O señor".
_ES_WORD = (
    r"(?:[A-Z\u00c0-\u00de][\w'’.\-]*,?|de|del|la|las|los|y|e|i|presidente|presidenta"
    r"|vicepresidente|vicepresidenta|primero|primera|segundo|segunda|tercero|tercera"
    r"|consejero|consejera|ministro|ministra|secretario|secretaria|portavoz)"
)
_DIARIO = (
    r"[ \t]*(?P<label>(?:El|La|O|A) (?:señor|señora|senyor|senyora)(?: (?:don|doña))?"
    rf"(?: {_ES_WORD}){{1,18}}(?: \([^()\n:]{{2,80}}\))?):(?:[ \t]+|$)"
)


# Debates copied from TheyWorkForYou-style sites (KildareStreet for the Oireachtas,
# TheyWorkForYou for Westminster): the speaker's portrait's alternative text runs
# into the name on one line, "Photo of Enda KennyEnda Kenny (Mayo, Fine Gael)", the
# speech on the lines below (after the site's "Link to this: ..." line).
_PHOTO = (
    r"Photo of (?P<photo>[^\n]{2,80}?) ?"
    r"(?P<label>(?P=photo)(?: \([^()\n]{1,120}\))?)[ \t]*$"
)


@attrs.frozen
class Convention:
    """One way of printing a transcript.

    Attributes:
        name: The name :func:`debatekit.text.loads` takes as ``convention=``.
        summary: What it looks like, for the docs and ``debatekit info``.
        label: The label pattern (see the module docs), or ``None`` for the built-in
            colon rules.
        dialect: Which built-in colon rules (``label`` is ``None``): ``"auto"`` for
            all, or one of ``colon``, ``caps``, ``qa``, ``markdown``, ``timestamp``.
        pages: The text comes from printed pages: margin line numbers, running
            heads, page numbers and form feeds are page furniture, stripped.
        interjections: A paragraph in parentheses, over several lines, is an
            interjection inside the current turn (German ``(Zuruf von der SPD: ...)``).
        sniffed: Whether :func:`debatekit.text.sniff` considers it (the one-dialect
            subsets of the built-in rules are only for forcing).
        unnamed: The printed markers that change the speaker without naming one
            (``>>``): their turns go to the speaker "Unknown".
        examination: Question and answer marks (``Q.`` / ``A.``, a deposition's or a
            trial's examination of a witness) are labels besides the dialect's own.
        distinctive: Whether one label of this shape is evidence on its own: a
            document may print it once (a Congressional Record "Extension of
            Remarks" is one member's statement under one "Mr. SMITH." label).
        repeats: Whether its labels are evidence only where a name recurs: never
            taken on the shape of its labels alone (a name alone on a line, printed
            once, may be a heading).
    """

    name: str
    summary: str
    label: re.Pattern[str] | None = None
    dialect: str = "auto"
    pages: bool = False
    interjections: bool = False
    sniffed: bool = True
    distinctive: bool = False
    repeats: bool = False
    unnamed: tuple[str, ...] = ()
    examination: bool = False


def _talk_entries() -> list[Convention]:
    """Conventions of talk as transcribed and published on the web: labels with a
    colon, in bold, in brackets, with times, in capitals, as headings."""
    return [
        Convention(
            "colon",
            "Name: text; HOLT: ...; Q: / A:; **Name:**; [00:01:02] Name:; Name (01:20):;"
            " Name - 00:02:02:",
        ),
        Convention(
            "bold-name",
            "Podcasts printing '0:00:36.2 **Name** text': a bold name without a colon,"
            " after a timestamp",
            label=re.compile(_BOLD_NAME),
        ),
        Convention(
            "bracketed-name",
            "Diarised transcripts printing '[Speaker 1] [00:17] text': the name in square"
            " brackets, then the time in brackets, no colon",
            label=re.compile(_BRACKETED_NAME),
        ),
        Convention(
            "name-time",
            "Transcription services: 'Jane Doe [00:00:01] text', 'Jane Doe (00:01)' with the"
            " speech below: a name, then its time in brackets, no colon",
            label=re.compile(_NAME_TIME),
        ),
        Convention(
            "time-name",
            "Transcription services: '00:00:01 Jane Doe' alone on its line, the speech below",
            label=re.compile(_TIME_NAME),
        ),
        Convention(
            "caps-lines",
            "Scripts and broadcast transcripts: a name in capitals alone on its line"
            " ('JANE DOE', 'JANE DOE, HOST'), the speech below, no colon",
            label=re.compile(_CAPS_LINE),
        ),
        Convention(
            "heading-name",
            "Transcripts published as web pages: the name as a Markdown heading alone on"
            " its line ('#### TIM', '### Jane Doe'), the speech below, no colon",
            label=re.compile(_HEADING_NAME),
        ),
    ]


def _record_entries() -> list[Convention]:
    """Conventions of American records: the Congressional Record and hearings, court
    transcripts, broadcasters' transcripts."""
    return [
        Convention(
            "congressional",
            "Congressional Record: '  Mr. SMITH. text' at an indented paragraph,"
            " 'The PRESIDING OFFICER (Mr. Roe).', continuation lines unindented",
            label=re.compile(_CONGRESSIONAL),
            distinctive=True,
        ),
        Convention(
            "court",
            "Court transcripts from printed pages: margin line numbers, running heads,"
            " page numbers, form feeds; labels JUSTICE X:, MR. Y:, THE WITNESS:, and Q. /"
            " A. in the examination of a witness",
            dialect="caps",
            pages=True,
            examination=True,
        ),
        Convention(
            "broadcast",
            "Broadcast captions as text: '>>' where the speaker changes,"
            " '>> NAME: text' where the captioner names them",
            label=re.compile(_BROADCAST),
            unnamed=(">>", ">>>"),
        ),
    ]


def _parliament_entries() -> list[Convention]:
    """Conventions of parliaments' records, in many languages."""
    return [
        Convention(
            "plenarprotokoll",
            "German plenary protocols: 'Präsident Dr. A B:', 'G H (SPD):',"
            " 'Dr. E F, Bundesminister ...:'; (Beifall ...) and (Zuruf ...) inside turns",
            label=re.compile(_PLENARPROTOKOLL),
            interjections=True,
        ),
        Convention(
            "hansard-dash",
            "Australian Hansard (ParlInfo, to 2011): 'The SPEAKER —text', 'Mr RUDD"
            " (Griffith—Leader of the Opposition) (2.05 pm)—text': the label ends in an em"
            " dash, no colon",
            label=re.compile(_HANSARD_DASH),
        ),
        Convention(
            "hansard-lines",
            "UK Hansard as its website prints it: the speaker alone on a line, no colon"
            " ('The Prime Minister (Rishi Sunak)', 'Mr Speaker'), the speech below",
            label=re.compile(_HANSARD_LINE),
        ),
        Convention(
            "europarl",
            "European Parliament verbatim reports: 'President. – text', 'Name, on behalf of"
            " the X Group. – text', 'Name (PPE). – text'",
            label=re.compile(_EUROPARL),
        ),
        Convention(
            "resoconto",
            "Italian stenographic records: 'PRESIDENTE. text', 'MARIO ROSSI. text',"
            " 'GIORGIA MELONI, Presidente del Consiglio dei ministri. text'",
            label=re.compile(_RESOCONTO),
        ),
        Convention(
            "tutanak",
            "Turkish records: 'BAŞKAN – text', 'ENGİN ALTAY (İstanbul) – text': capitals,"
            " the constituency in parentheses, a spaced dash",
            label=re.compile(_TUTANAK),
        ),
        Convention(
            "saeima",
            "Latvian Saeima records: 'Sēdes vadītāja. text', 'J.Dombrava (NA). text':"
            " initial and surname, the group in parentheses, a full stop",
            label=re.compile(_SAEIMA),
        ),
        Convention(
            "point-dash",
            "Commonwealth Hansards from the daily PDF (Fiji): 'HON. V. PILLAY.- text',"
            " 'HON. SPEAKER.: text': capitals, a full stop, then a dash or a colon",
            label=re.compile(_POINT_DASH),
        ),
        Convention(
            "stenogram",
            "Cyrillic stenograms (Verkhovna Rada): 'АРІСТОВ Ю.Ю. text', 'ГОЛОВУЮЧИЙ. text':"
            " capitals, initials, a full stop, no colon",
            label=re.compile(_STENOGRAM),
        ),
        Convention(
            "han-colon",
            "Chinese records (Hong Kong LegCo): '主席：text', '陳偉業議員：text', a full-width"
            " colon; a label counts where its name recurs",
            label=re.compile(_HAN_COLON),
            repeats=True,
        ),
        Convention(
            "diario-de-sesiones",
            "Spanish records: 'El señor PRESIDENTE:', 'La señora MINISTRA DE HACIENDA"
            " (Montero Cuadrado):', the speech on the label's line",
            label=re.compile(_DIARIO),
            interjections=True,
        ),
        Convention(
            "photo-name",
            "Debates copied from TheyWorkForYou-style sites: 'Photo of Enda KennyEnda Kenny"
            " (Mayo, Fine Gael)' alone on its line, the speech below",
            label=re.compile(_PHOTO),
            distinctive=True,
        ),
    ]


def _page_entries() -> list[Convention]:
    """Conventions of pages copied as text: columns, names alone on their lines,
    French comptes rendus."""
    return [
        Convention(
            "tabbed",
            "Transcripts copied from a table: 'Jane Doe<TAB>text', a time in a column"
            " before or after the name at times",
            label=re.compile(_TABBED),
        ),
        Convention(
            "name-lines",
            "Transcripts copied from web pages: a name in mixed case alone on its line"
            " ('Ira Glass'), the speech below, no colon and no time",
            label=re.compile(_NAME_LINE),
            repeats=True,
        ),
        Convention(
            "compte-rendu",
            "French comptes rendus: 'M. le président.', 'Mme X.', 'M. Y, ministre de ...'",
            label=re.compile(_COMPTE_RENDU),
            interjections=True,
        ),
    ]


def _entries() -> dict[str, Convention]:
    entries = [*_talk_entries(), *_record_entries(), *_parliament_entries(), *_page_entries()]
    for dialect in ("caps", "qa", "markdown", "timestamp"):
        entries.append(
            Convention(
                dialect, f"only the built-in {dialect} labels", dialect=dialect, sniffed=False
            )
        )
    return {entry.name: entry for entry in entries}


#: Every convention by name, in the order the sniffer prefers them on a tie.
CONVENTIONS: dict[str, Convention] = _entries()
