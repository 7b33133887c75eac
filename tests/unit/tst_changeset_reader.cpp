// ChangeSetReader (the fast reader of push bodies and pull pages) against the slow way it
// stands in for (QJsonDocument + RecordChange::fromJson): whenever it answers, the same
// records, fields in the same order, and the same other members; on anything unusual it
// must give up rather than answer differently.

#include "sync/ChangeSet.h"
#include "sync/ChangeSetReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gamix;

namespace {

// The slow way, as SyncService::push and SyncEngine::handlePull did it.
bool slowRead(const QByteArray &json, QList<RecordChange> *records, QJsonObject *members)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    QJsonObject o = doc.object();
    const QJsonValue arr = o.value(QLatin1String("records"));
    if (!arr.isArray())
        return false;
    records->clear();
    for (const QJsonValue &v : arr.toArray()) {
        RecordChange rc;
        QString error;
        if (!v.isObject() || !RecordChange::fromJson(v.toObject(), &rc, &error))
            return false;
        records->append(rc);
    }
    o.remove(QLatin1String("records"));
    *members = o;
    return true;
}

QString dump(const QList<RecordChange> &records)
{
    QString out;
    for (const RecordChange &rc : records) {
        out += rc.entity + u'/' + rc.id + u':';
        for (const FieldChange &f : rc.fields)
            out += f.name + u'=' + f.text + u'@' + QString::number(f.clock.hlc) + f.clock.siteHex() + u'<'
                + QString::number(f.prev.hlc) + f.prev.siteHex() + u';';
        out += u'\n';
    }
    return out;
}

const char *const kSite = "0123456789abcdef0123456789ABCDEF";

QByteArray body(const QByteArray &records, const QByteArray &rest = QByteArray())
{
    return "{\"records\":[" + records + "]" + (rest.isEmpty() ? QByteArray() : "," + rest) + "}";
}

QByteArray rec(const QByteArray &fields, const QByteArray &id = "01ABC")
{
    return "{\"entity\":\"contact\",\"id\":\"" + id + "\",\"fields\":{" + fields + "}}";
}

QByteArray fld(const QByteArray &name, const QByteArray &v, const QByteArray &extra = QByteArray())
{
    return "\"" + name + "\":{\"v\":" + v + ",\"hlc\":\"123456789\",\"site\":\"" + kSite + "\"" + extra + "}";
}

} // namespace

class TestChangeSetReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithSlowWay_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("fast"); // the reader must answer this one
        QTest::newRow("empty records") << body("") << true;
        QTest::newRow("one record, members")
            << body(rec(fld("last_name", "\"Иванов\"")), "\"next\":12,\"more\":true,\"epoch\":\"e1\",\"server_time\":5")
            << true;
        QTest::newRow("members first") << QByteArray("{\"batch_id\":\"b-1\",\"records\":[" + rec(fld("city", "null"))
                                                     + "]}")
                                       << true;
        QTest::newRow("fields sorted") << body(
            rec(fld("z_field", "\"1\"") + "," + fld("a_field", "\"2\"") + "," + fld("m", "\"3\"")))
                                       << true;
        QTest::newRow("prev object") << body(
            rec(fld("city", "\"Тверь\"", ",\"prev\":{\"hlc\":\"42\",\"site\":\"" + QByteArray(kSite) + "\"}")))
                                     << true;
        QTest::newRow("prev null") << body(rec(fld("city", "\"x\"", ",\"prev\":null"))) << true;
        QTest::newRow("no v") << body(rec("\"city\":{\"hlc\":\"1\",\"site\":\"" + QByteArray(kSite) + "\"}")) << true;
        QTest::newRow("escapes") << body(rec(fld("notes", "\"a\\\"b\\\\c\\/d\\n\\t\\u0416\\u00e9 \\r\\b\\f\"")))
                                 << true;
        QTest::newRow("whitespace") << QByteArray(" {\n \"records\" : [ " + rec(fld("city", " \"x\" "))
                                                  + " ] ,\n"
                                                    " \"purge\" : [ { \"entity\" : \"lead\", \"id\" : \"x\" } ] } \n")
                                    << true;
        QTest::newRow("id lower-cased") << body(rec(fld("city", "\"x\""), "ABCDEF")) << true;
        QTest::newRow("emoji") << body(rec(fld("notes", "\"\xf0\x9f\x98\x80 ok\""))) << true;
        QTest::newRow("many records") << body(rec(fld("city", "\"a\""), "r1") + "," + rec(fld("city", "\"b\""), "r2"))
                                      << true;
        // Given up (the slow way decides; it may accept or refuse these).
        QTest::newRow("number hlc") << body(
            rec("\"city\":{\"v\":\"x\",\"hlc\":12,\"site\":\"" + QByteArray(kSite) + "\"}"))
                                    << false;
        QTest::newRow("number v") << body(rec(fld("n", "12"))) << false;
        QTest::newRow("bool v") << body(rec(fld("n", "true"))) << false;
        QTest::newRow("duplicate field") << body(rec(fld("city", "\"a\"") + "," + fld("city", "\"b\""))) << false;
        QTest::newRow("duplicate records") << QByteArray("{\"records\":[],\"records\":[]}") << false;
        QTest::newRow("unknown key") << body(rec(fld("city", "\"a\"", ",\"x\":1"))) << false;
        QTest::newRow("short site") << body(rec("\"city\":{\"v\":\"x\",\"hlc\":\"1\",\"site\":\"0123\"}")) << false;
        QTest::newRow("bad hex") << body(
            rec("\"city\":{\"v\":\"x\",\"hlc\":\"1\",\"site\":\"0123456789abcdef0123456789abcdeg\"}"))
                                 << false;
        QTest::newRow("hlc overflow") << body(
            rec("\"city\":{\"v\":\"x\",\"hlc\":\"99999999999999999999\",\"site\":\"" + QByteArray(kSite) + "\"}"))
                                      << false;
        QTest::newRow("no records") << QByteArray("{\"next\":1}") << false;
        QTest::newRow("records not array") << QByteArray("{\"records\":{}}") << false;
        QTest::newRow("not an object") << QByteArray("[1,2]") << false;
        QTest::newRow("garbage after") << QByteArray(body("") + "x") << false;
        QTest::newRow("truncated") << body(rec(fld("city", "\"x\""))).chopped(3) << false;
        QTest::newRow("control char") << body(rec(fld("city", "\"a\tb\""))) << false;
        QTest::newRow("bad utf8") << body(rec(fld("city", "\"\xc3\x28\""))) << false;
        QTest::newRow("overlong utf8") << body(rec(fld("city", "\"\xc0\xaf\""))) << false;
        QTest::newRow("surrogate escape") << body(rec(fld("city", "\"\\ud83d\\ude00\""))) << false;
        QTest::newRow("empty id") << body(rec(fld("city", "\"x\""), "")) << false;
        QTest::newRow("long id") << body(rec(fld("city", "\"x\""), QByteArray(65, 'a'))) << false;
        QTest::newRow("no fields") << body("{\"entity\":\"contact\",\"id\":\"x\"}") << false;
        QTest::newRow("bad member") << body("", "\"next\":12x") << false;
        // QJsonDocument takes an unknown escape in a member; the reader answers as it does.
        QTest::newRow("member checked by QJsonDocument") << body("", "\"epoch\":\"a\\qb\"") << true;
        QTest::newRow("unknown escape in a record") << body(rec(fld("city", "\"a\\qb\""))) << false;
    }
    void agreesWithSlowWay()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, fast);
        QList<RecordChange> fastRecords, slowRecords;
        QJsonObject fastMembers, slowMembers;
        const bool answered = ChangeSetReader::read(json, &fastRecords, &fastMembers);
        QCOMPARE(answered, fast);
        if (answered) {
            QVERIFY(slowRead(json, &slowRecords, &slowMembers));
            QCOMPARE(dump(fastRecords), dump(slowRecords));
            QCOMPARE(fastMembers, slowMembers);
        }
    }

    // What the client writes (RecordChange::appendJson) reads back the fast way.
    void readsWhatAppendJsonWrites()
    {
        RecordChange rc;
        rc.entity = QStringLiteral("contact");
        rc.id = QStringLiteral("0190abcd-0000-7000-8000-000000000001");
        Clock c {quint64(1) << 40, {}};
        c.site[3] = 7;
        rc.fields << FieldChange {QStringLiteral("last_name"), QStringLiteral("Семёнова \"Ё\"\n\\"), c, Clock()}
                  << FieldChange {QStringLiteral("city"), QString(), c, c}
                  << FieldChange {QStringLiteral("email"), QStringLiteral("a@b.ru"), c, Clock()};
        QByteArray json = "{\"batch_id\":\"x\",\"records\":[";
        rc.appendJson(json);
        json += ',';
        rc.appendJson(json);
        json += "]}";
        QList<RecordChange> fastRecords, slowRecords;
        QJsonObject fastMembers, slowMembers;
        QVERIFY(ChangeSetReader::read(json, &fastRecords, &fastMembers));
        QVERIFY(slowRead(json, &slowRecords, &slowMembers));
        QCOMPARE(fastRecords.size(), 2);
        QCOMPARE(dump(fastRecords), dump(slowRecords));
        QCOMPARE(fastMembers.value(QLatin1String("batch_id")).toString(), QStringLiteral("x"));
        QCOMPARE(fastRecords.at(0).field(u"last_name")->text, rc.fields.at(0).text);
    }
};

QTEST_GUILESS_MAIN(TestChangeSetReader)
#include "tst_changeset_reader.moc"
