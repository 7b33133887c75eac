// The sync protocol's wire format against the real gamix-server on loopback (DESIGN.md
// §4: "gzip where the client accepts it"): a gzipped request body is accepted, an answer
// is gzipped for a client that accepts gzip and plain for one that sends no
// Accept-Encoding; the push body the client writes as text is the same JSON as the
// QJsonObject form; GET /v1/sites names the user behind each replica that pushed, which
// `gamix-cli conflicts --json` shows as kept_by / lost_by. What a user sees of refusals and
// reassignments: a record the server refuses outright leaves its author's computer and she
// is told; conflict records follow a reassigned record to its new owner.
#include "tst_sync_kit.h"

#include "schema/Schema.h"
#include "store/Store.h"
#include "sync/ChangeSet.h"
#include "sync/Gzip.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body; // as received, not decoded
    QByteArray encoding;
};

Reply request(const QByteArray &method, const QString &url, const QByteArray &body,
              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager nam;
    QNetworkRequest req {QUrl(url)};
    req.setRawHeader("X-Gamix-Protocol", "1");
    req.setRawHeader("X-Gamix-Schema", QByteArray::number(Schema::version));
    req.setRawHeader("X-Gamix-Site", "0123456789abcdef0123456789abcdef");
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // An explicit Accept-Encoding (even empty) stops Qt from adding and decoding its own.
    req.setRawHeader("Accept-Encoding", "identity");
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    QNetworkReply *reply = method == "GET" ? nam.get(req) : nam.post(req, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
             reply->rawHeader("Content-Encoding")};
    reply->deleteLater();
    return r;
}

// Decoded by the system's gzip, not by our code.
QByteArray gunzip(const QByteArray &data)
{
    QProcess p;
    p.start(QStringLiteral("gzip"), {QStringLiteral("-dc")});
    p.waitForStarted();
    p.write(data);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}

} // namespace

class TestSyncWire : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_storage = {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server.sqlite"))};
        QVERIFY(!synckit::addUser(m_storage, QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                                  QStringLiteral("pw-anna"))
                     .isEmpty());
        m_boris = synckit::addUser(m_storage, QStringLiteral("boris"), QStringLiteral("sales"),
                                   QStringLiteral("Москва"), QStringLiteral("pw-boris"));
        QVERIFY(!m_boris.isEmpty());
        QVERIFY(!synckit::addUser(m_storage, QStringLiteral("maria"), QStringLiteral("manager"),
                                  QStringLiteral("Москва"), QStringLiteral("pw-maria"))
                     .isEmpty());
        QVERIFY(m_server.start(m_storage, m_dir.filePath(QStringLiteral("server.log"))));
    }

    void gzipCompressesWhatGzipDecodes()
    {
        QByteArray text;
        for (int i = 0; i < 5000; ++i)
            text += "Ёлкина Анна Петровна, +7 916 123-45-67; " + QByteArray::number(i) + '\n';
        const QByteArray z = Gzip::compress(text);
        QVERIFY(z.size() < text.size() / 4);
        QCOMPARE(gunzip(z), text);
        QCOMPARE(gunzip(Gzip::compress(QByteArray())), QByteArray());
    }

    void pushBodyTextIsTheJsonObjectForm()
    {
        RecordChange rc;
        rc.entity = QStringLiteral("contact");
        rc.id = QStringLiteral("019b76da-aca1-7b52-ac12-f52b916d72d9");
        SiteId site {};
        site[3] = 0xab;
        rc.fields << FieldChange {QStringLiteral("last_name"), QStringLiteral("Ёлкина \"Ёж\" \\ back\tslash\n\x01 😀"),
                                  Clock {123456789012345ull, site}, Clock {}}
                  << FieldChange {QStringLiteral("city"), QString(), Clock {42, site}, Clock {41, site}};
        QByteArray text;
        rc.appendJson(text);
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), rc.toJson());
    }

    void answersGzipOnlyToClientsThatAcceptIt()
    {
        const QByteArray login = R"({"login":"anna","password":"pw-anna"})";
        // A gzipped request body (what SyncClient sends for pushes).
        const Reply gz = request("POST", m_server.url() + QStringLiteral("/v1/auth/login"), Gzip::compress(login),
                                 {{"Content-Encoding", "gzip"}});
        QCOMPARE(gz.status, 200);
        QVERIFY(!QJsonDocument::fromJson(gz.body).object().value(QLatin1String("token")).toString().isEmpty());
        const QByteArray token
            = QJsonDocument::fromJson(gz.body).object().value(QLatin1String("token")).toString().toLatin1();
        const QByteArray bearer = "Bearer " + token;
        const QString pull = m_server.url() + QStringLiteral("/v1/pull?since=0&limit=1000");
        // A pull (the directory of users and offices, more than 1 KiB): gzip when accepted...
        const Reply zipped
            = request("GET", pull, QByteArray(), {{"Accept-Encoding", "gzip, deflate"}, {"Authorization", bearer}});
        QCOMPARE(zipped.status, 200);
        QCOMPARE(zipped.encoding, QByteArray("gzip"));
        // ...plain bytes for a client that asks for none.
        const Reply plain = request("GET", pull, QByteArray(), {{"Authorization", bearer}});
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.encoding.isEmpty());
        QVERIFY2(plain.body.size() > 1024, plain.body.constData());
        const QJsonObject a = QJsonDocument::fromJson(gunzip(zipped.body)).object();
        const QJsonObject b = QJsonDocument::fromJson(plain.body).object();
        QVERIFY(!a.value(QLatin1String("records")).toArray().isEmpty());
        QCOMPARE(a.value(QLatin1String("records")), b.value(QLatin1String("records")));
    }

    void conflictsNameTheirAuthors()
    {
        // Two databases, anna's and boris's, edit one contact concurrently through the CLI.
        const QString a = m_dir.filePath(QStringLiteral("anna.db")), b = m_dir.filePath(QStringLiteral("boris.db"));
        QCOMPARE(synckit::runCli({QStringLiteral("--db"), a, QStringLiteral("init")}).code, 0);
        QCOMPARE(synckit::runCli({QStringLiteral("--db"), b, QStringLiteral("init")}).code, 0);
        auto sync = [&](const QString &db, const QString &login) {
            const synckit::Run r = synckit::runCli(
                {QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(),
                 QStringLiteral("--login"), login, QStringLiteral("--password-stdin")},
                "pw-" + login.toUtf8() + '\n');
            return r.code == 0 ? QString() : r.err;
        };
        QCOMPARE(sync(a, QStringLiteral("anna")), QString());
        const synckit::Run add = synckit::runCli({QStringLiteral("--db"), a, QStringLiteral("add"),
                                                  QStringLiteral("company"), QStringLiteral("name=Ромашка")});
        QCOMPARE(add.code, 0);
        const QString id = QString::fromUtf8(add.out).trimmed();
        QCOMPARE(sync(a, QStringLiteral("anna")), QString());
        QCOMPARE(sync(b, QStringLiteral("boris")), QString());
        QCOMPARE(synckit::runCli({QStringLiteral("--db"), a, QStringLiteral("set"), QStringLiteral("company"), id,
                                  QStringLiteral("city=Тверь")})
                     .code,
                 0);
        QCOMPARE(synckit::runCli({QStringLiteral("--db"), b, QStringLiteral("set"), QStringLiteral("company"), id,
                                  QStringLiteral("city=Псков")})
                     .code,
                 0);
        QCOMPARE(sync(a, QStringLiteral("anna")), QString());
        QCOMPARE(sync(b, QStringLiteral("boris")), QString());
        QCOMPARE(sync(a, QStringLiteral("anna")), QString());
        for (const QString &db : {a, b}) {
            const synckit::Run r
                = synckit::runCli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("conflicts")});
            QCOMPARE(r.code, 0);
            const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
            QCOMPARE(arr.size(), 1);
            const QJsonObject c = arr.first().toObject();
            // The existing keys stay; the names come beside them.
            QVERIFY(c.contains(QLatin1String("kept_site")) && c.contains(QLatin1String("lost_site")));
            QCOMPARE(c.value(QLatin1String("kept_value")).toString(), QStringLiteral("Псков"));
            QCOMPARE(c.value(QLatin1String("kept_by")).toString(), QStringLiteral("boris"));
            QCOMPARE(c.value(QLatin1String("lost_by")).toString(), QStringLiteral("anna"));
        }
    }

    void aRecordTheServerRefusesLeavesItsAuthorWhoIsTold()
    {
        // anna (sales) files a lead for boris: a sales user's new record must be her own, so
        // the server refuses it whole. It must not stay on her computer forever, never synced,
        // and she must be told it went.
        const QString a = m_dir.filePath(QStringLiteral("anna-refused.db"));
        QCOMPARE(cli({QStringLiteral("--db"), a, QStringLiteral("init")}).code, 0);
        QCOMPARE(sync(a, QStringLiteral("anna")).code, 0);
        const synckit::Run add = cli({QStringLiteral("--db"), a, QStringLiteral("add"), QStringLiteral("lead"),
                                      QStringLiteral("title=Поставка труб"), QStringLiteral("owner_id=") + m_boris});
        QCOMPARE(add.code, 0);
        const QString id = QString::fromUtf8(add.out).trimmed();
        const synckit::Run r = sync(a, QStringLiteral("anna"));
        QCOMPARE(r.code, 0); // refused changes are reported, not fatal
        // One line for the record, not one per field.
        QVERIFY2(r.err.contains(QStringLiteral("lead ") + id
                                + QStringLiteral(" was refused: this account may not write it, so it is removed "
                                                 "from this computer")),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(id), 1);
        QVERIFY(cli({QStringLiteral("--db"), a, QStringLiteral("get"), QStringLiteral("lead"), id}).code != 0);
        // Gone for good: the next sync neither brings it back nor reports it again.
        const synckit::Run again = sync(a, QStringLiteral("anna"));
        QCOMPARE(again.code, 0);
        QVERIFY2(!again.err.contains(id), qPrintable(again.err));
        QCOMPARE(cli({QStringLiteral("--db"), a, QStringLiteral("check")}).code, 0);
    }

    void aRefusedFieldTheServerNeverHadIsEmptiedAgain()
    {
        // An admin sets up a stage without a probability; anna (sales) may read stages but not
        // write them. Her probability is refused: her computer must show the server's (empty)
        // field again, keep her value as a conflict record, and say the field was refused,
        // not that the stage was removed.
        QVERIFY(!synckit::addUser(m_storage, QStringLiteral("olga"), QStringLiteral("admin"), QString(),
                                  QStringLiteral("pw-olga"))
                     .isEmpty());
        const QString o = m_dir.filePath(QStringLiteral("olga.db")),
                      a = m_dir.filePath(QStringLiteral("anna-stage.db"));
        for (const QString &db : {o, a})
            QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("init")}).code, 0);
        QCOMPARE(sync(o, QStringLiteral("olga")).code, 0);
        const synckit::Run pipeline = cli({QStringLiteral("--db"), o, QStringLiteral("add"), QStringLiteral("pipeline"),
                                           QStringLiteral("name=Тендеры")});
        QCOMPARE(pipeline.code, 0);
        const synckit::Run stage = cli({QStringLiteral("--db"), o, QStringLiteral("add"), QStringLiteral("stage"),
                                        QStringLiteral("pipeline_id=") + QString::fromUtf8(pipeline.out).trimmed(),
                                        QStringLiteral("name=Заявка подана")});
        QCOMPARE(stage.code, 0);
        const QString id = QString::fromUtf8(stage.out).trimmed();
        QCOMPARE(sync(o, QStringLiteral("olga")).code, 0);
        QCOMPARE(sync(a, QStringLiteral("anna")).code, 0);
        QCOMPARE(cli({QStringLiteral("--db"), a, QStringLiteral("set"), QStringLiteral("stage"), id,
                      QStringLiteral("probability=50")})
                     .code,
                 0);
        const synckit::Run r = sync(a, QStringLiteral("anna"));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("probability was refused")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("removed from this computer")), qPrintable(r.err));
        const synckit::Run got = cli(
            {QStringLiteral("--db"), a, QStringLiteral("--json"), QStringLiteral("get"), QStringLiteral("stage"), id});
        QCOMPARE(got.code, 0);
        const QJsonObject shown = QJsonDocument::fromJson(got.out).object();
        QCOMPARE(shown.value(QLatin1String("name")).toString(), QStringLiteral("Заявка подана"));
        QVERIFY2(shown.value(QLatin1String("probability")).isNull(), got.out.constData());
        QCOMPARE(conflictsAbout(a, id), 1); // her 50 is kept, restorable
        // Settled: the next sync sends nothing back and reports nothing.
        const synckit::Run again = sync(a, QStringLiteral("anna"));
        QCOMPARE(again.code, 0);
        QVERIFY2(!again.err.contains(QStringLiteral("refused")), qPrintable(again.err));
        QCOMPARE(cli({QStringLiteral("--db"), a, QStringLiteral("check")}).code, 0);
    }

    void conflictRecordsFollowAReassignedRecord()
    {
        // anna edits her lead on two computers at once: a conflict record. Then her manager
        // gives the lead to boris, who could not see it before: he receives the lead and its
        // conflict record (so he can still restore the value that lost), and anna's
        // computers drop both.
        const QString a1 = m_dir.filePath(QStringLiteral("anna-1.db")),
                      a2 = m_dir.filePath(QStringLiteral("anna-2.db"));
        const QString m = m_dir.filePath(QStringLiteral("maria.db")), b = m_dir.filePath(QStringLiteral("boris-2.db"));
        for (const QString &db : {a1, a2, m, b})
            QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("init")}).code, 0);
        QCOMPARE(sync(a1, QStringLiteral("anna")).code, 0);
        const synckit::Run add = cli(
            {QStringLiteral("--db"), a1, QStringLiteral("add"), QStringLiteral("lead"), QStringLiteral("title=Аудит")});
        QCOMPARE(add.code, 0);
        const QString id = QString::fromUtf8(add.out).trimmed();
        QCOMPARE(sync(a1, QStringLiteral("anna")).code, 0);
        QCOMPARE(sync(a2, QStringLiteral("anna")).code, 0);
        QCOMPARE(cli({QStringLiteral("--db"), a1, QStringLiteral("set"), QStringLiteral("lead"), id,
                      QStringLiteral("notes=звонить утром")})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("--db"), a2, QStringLiteral("set"), QStringLiteral("lead"), id,
                      QStringLiteral("notes=звонить вечером")})
                     .code,
                 0);
        QCOMPARE(sync(a1, QStringLiteral("anna")).code, 0);
        QCOMPARE(sync(a2, QStringLiteral("anna")).code, 0);
        QCOMPARE(conflictsAbout(a2, id), 1);
        QCOMPARE(sync(b, QStringLiteral("boris")).code, 0);
        QCOMPARE(conflictsAbout(b, id), 0); // not his yet
        QCOMPARE(sync(m, QStringLiteral("maria")).code, 0);
        QCOMPARE(conflictsAbout(m, id), 1);
        QCOMPARE(cli({QStringLiteral("--db"), m, QStringLiteral("set"), QStringLiteral("lead"), id,
                      QStringLiteral("owner_id=") + m_boris})
                     .code,
                 0);
        QCOMPARE(sync(m, QStringLiteral("maria")).code, 0);
        QCOMPARE(sync(b, QStringLiteral("boris")).code, 0);
        QCOMPARE(cli({QStringLiteral("--db"), b, QStringLiteral("get"), QStringLiteral("lead"), id}).code, 0);
        QCOMPARE(conflictsAbout(b, id), 1);
        QCOMPARE(sync(a1, QStringLiteral("anna")).code, 0);
        QVERIFY(cli({QStringLiteral("--db"), a1, QStringLiteral("get"), QStringLiteral("lead"), id}).code != 0);
        QCOMPARE(conflictsAbout(a1, id), 0);
        QCOMPARE(sync(m, QStringLiteral("maria")).code, 0);
        QCOMPARE(conflictsAbout(m, id), 1); // still in the manager's office: nothing removed there
    }

private:
    synckit::Run cli(const QStringList &args) { return synckit::runCli(args); }
    synckit::Run sync(const QString &db, const QString &login)
    {
        return synckit::runCli({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--server"),
                                m_server.url(), QStringLiteral("--login"), login, QStringLiteral("--password-stdin")},
                               "pw-" + login.toUtf8() + '\n');
    }
    int conflictsAbout(const QString &db, const QString &id)
    {
        const synckit::Run r = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("conflicts")});
        int n = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            n += v.toObject().value(QLatin1String("record_id")).toString() == id;
        return r.code == 0 ? n : -1;
    }

    QTemporaryDir m_dir;
    QString m_boris; // boris's user id
    QStringList m_storage;
    synckit::Server m_server;
};

QTEST_MAIN(TestSyncWire)
#include "tst_sync_wire.moc"
