# /timezone, when what was typed names several zones (a country, a city found on several continents). The other
# /timezone replies are in recall.ftl. Variables arrive already escaped by the code.

timezone-choose = “{$input}” covers several time zones. Which one is yours?
timezone-choice-invalid = That button does not name a time zone I know. Send /timezone again.
