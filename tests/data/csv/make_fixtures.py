#!/usr/bin/env python3
"""Regenerates the CSV fixtures of tests/unit/tst_csv*.cpp. The header lines are the real
ones from /work/shared/formats/csv-headers (copied here as *_header*.csv so the tests do
not depend on that folder); the data rows are made up."""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def read_header(name):
    with open(os.path.join(HERE, name), encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def rows_for(header, values):
    """A row as long as the header, with `values` placed by column name."""
    row = [""] * len(header)
    for key, value in values.items():
        row[header.index(key)] = value
    return row


# Outlook (Russian UI) as exported: windows-1251, every field quoted, commas, CRLF.
outlook = read_header("outlook_ru_header_utf8.csv")
outlook_rows = [
    rows_for(outlook, {"Имя": "Иван", "Отчество": "Петрович", "Фамилия": "Сидоров",
                       "Организация": "ООО \"Ромашка\"", "Рабочий телефон": "+7 (495) 123-45-67",
                       "Заметки": "Звонить после обеда,\r\nлучше во вторник"}),
    rows_for(outlook, {"Имя": "Анна", "Фамилия": "Ёлкина", "Рабочий телефон": "8 916 000-00-01"}),
]
buf = io.StringIO()
csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows([outlook] + outlook_rows)
write("outlook_ru_1251.csv", buf.getvalue().encode("cp1251"))

# The same file after Russian Excel re-saved it: ';', quotes only where needed.
buf = io.StringIO()
csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows([outlook] + outlook_rows)
write("outlook_ru_excel_1251.csv", buf.getvalue().encode("cp1251"))

# Google "legacy" CSV as some exports have it: UTF-16LE with BOM, tab-separated, CRLF.
google = read_header("google_legacy_header.csv")
google_rows = [
    rows_for(google, {"Name": "Мария Петрова", "Given Name": "Мария", "Family Name": "Петрова",
                      "E-mail 1 - Type": "* Home", "E-mail 1 - Value": "maria@example.ru",
                      "Phone 1 - Type": "Mobile", "Phone 1 - Value": "+7 916 123-45-67 ::: +7 925 000-11-22"}),
    rows_for(google, {"Name": "John Smith", "Given Name": "John", "Family Name": "Smith",
                      "Notes": "Met at \"CRM Expo\"\tbooth 5"}),
]
buf = io.StringIO()
csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows([google] + google_rows)
write("google_legacy_utf16le.csv", b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))

# The short Russian file of the detection tests, in each encoding.
short = "Имя;Фамилия;Телефон\r\nИван;Петров;+7 916 123-45-67\r\nМария;Сидорова;89251234567\r\n"
write("short_cp1251.csv", short.encode("cp1251"))
write("short_koi8r.csv", short.encode("koi8_r"))
write("short_utf8.csv", short.encode("utf-8"))
write("short_utf8_bom.csv", b"\xef\xbb\xbf" + short.encode("utf-8"))
write("short_utf16be.csv", b"\xfe\xff" + short.encode("utf-16-be"))
# Upper-case names only: no case pattern to go by, letter frequencies must decide.
upper = "ФИО;ГОРОД\nИВАНОВ ИВАН;МОСКВА\nПЕТРОВА ОЛЬГА;САНКТ-ПЕТЕРБУРГ\n"
write("upper_cp1251.csv", upper.encode("cp1251"))
write("upper_koi8r.csv", upper.encode("koi8_r"))
