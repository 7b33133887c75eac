// The push answer's two forms against the real gamix-server (DESIGN.md §4): without
// "X-Gamix-Answer: refusals" every record is answered field by field (the documented v1
// answer, which outside clients read); with it only the records with a refused field are
// listed, each with its statuses and the server's values, plus the same batch_id, rejected
// and conflicts. A resent batch is answered with the very answer its first send got.
#include "tst_sync_kit.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace gamix;
using namespace synckit;

namespace {

const QString kSite = QStringLiteral("0123456789abcdef0123456789abcdef");

QJsonObject value(const QString &v)
{
    static quint64 tick = 0;
    const quint64 hlc = (quint64(QDateTime::currentMSecsSinceEpoch()) << 16) + ++tick;
    return {{QStringLiteral("v"), v}, {QStringLiteral("hlc"), QString::number(hlc)}, {QStringLiteral("site"), kSite}};
}

QJsonObject record(const QString &entity, const QString &id, const QJsonObject &fields)
{
    return {{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("fields"), fields}};
}

QByteArray batch(const QString &batchId, const QJsonArray &records)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("batch_id"), batchId}, {QStringLiteral("records"), records}})
        .toJson(QJsonDocument::Compact);
}

const QString kPipeline = QStringLiteral("019b76da-aca1-7b52-ac12-000000000001");
const QString kStage = QStringLiteral("019b76da-aca1-7b52-ac12-000000000002");
const QString kContact = QStringLiteral("019b76da-aca1-7b52-ac12-000000000003");
const QString kCompany = QStringLiteral("019b76da-aca1-7b52-ac12-000000000004");

} // namespace

class TestSyncPushAnswer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_storage = {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server.sqlite"))};
        QVERIFY(
            !addUser(m_storage, QStringLiteral("olga"), QStringLiteral("admin"), QString(), QStringLiteral("pw-olga"))
                 .isEmpty());
        m_annaId = addUser(m_storage, QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                           QStringLiteral("pw-anna"));
        QVERIFY(!m_annaId.isEmpty());
        QVERIFY(m_server.start(m_storage, m_dir.filePath(QStringLiteral("server.log"))));
        m_olga = bearer(login(m_server.url(), QStringLiteral("olga"), QStringLiteral("pw-olga")));
        m_anna = bearer(login(m_server.url(), QStringLiteral("anna"), QStringLiteral("pw-anna")));
    }

    void anAllAcceptedBatchListsNoRecord()
    {
        const QByteArray body = batch(QStringLiteral("olga-1"),
                                      {record(QStringLiteral("pipeline"), kPipeline,
                                              {{QStringLiteral("name"), value(QStringLiteral("Тендеры"))}}),
                                       record(QStringLiteral("stage"), kStage,
                                              {{QStringLiteral("pipeline_id"), value(kPipeline)},
                                               {QStringLiteral("name"), value(QStringLiteral("Заявка подана"))},
                                               {QStringLiteral("probability"), value(QStringLiteral("10"))}})});
        const Answer a = push(body, m_olga, true);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json(),
                 (QJsonObject {{QStringLiteral("batch_id"), QStringLiteral("olga-1")},
                               {QStringLiteral("answer"), QStringLiteral("refusals")},
                               {QStringLiteral("results"), QJsonArray {}},
                               {QStringLiteral("rejected"), 0},
                               {QStringLiteral("conflicts"), 0}}));
        // The batch was applied all the same: an edit of the stage's name answers per field
        // without the header, as outside clients read it.
        const Answer v1 = push(batch(QStringLiteral("olga-2"),
                                     {record(QStringLiteral("stage"), kStage,
                                             {{QStringLiteral("name"), value(QStringLiteral("Заявка принята"))}})}),
                               m_olga, false);
        QCOMPARE(v1.status, 200);
        QVERIFY(!v1.json().contains(QLatin1String("answer")));
        const QJsonArray results = v1.json().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.at(0).toObject().value(QLatin1String("fields")).toObject(),
                 (QJsonObject {{QStringLiteral("name"), QStringLiteral("accepted")}}));
        QCOMPARE(v1.json().value(QLatin1String("rejected")).toInt(), 0);
    }

    void aRefusedFieldIsListedWithTheServersValue()
    {
        // anna (sales) adds a company of her own (accepted) and sets the stage's probability,
        // which only an admin may write: only the stage is listed, with the server's 10.
        const QByteArray body = batch(
            QStringLiteral("anna-1"),
            {record(QStringLiteral("company"), kCompany,
                    {{QStringLiteral("name"), value(QStringLiteral("Ромашка"))},
                     {QStringLiteral("owner_id"), value(m_annaId)}}),
             record(QStringLiteral("stage"), kStage, {{QStringLiteral("probability"), value(QStringLiteral("50"))}})});
        const Answer a = push(body, m_anna, true);
        QCOMPARE(a.status, 200);
        const QJsonObject o = a.json();
        QCOMPARE(o.value(QLatin1String("batch_id")).toString(), QStringLiteral("anna-1"));
        QCOMPARE(o.value(QLatin1String("rejected")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("conflicts")).toInt(), 0);
        const QJsonArray results = o.value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject stage = results.at(0).toObject();
        QCOMPARE(stage.value(QLatin1String("entity")).toString(), QStringLiteral("stage"));
        QCOMPARE(stage.value(QLatin1String("id")).toString(), kStage);
        QCOMPARE(stage.value(QLatin1String("fields")).toObject(),
                 (QJsonObject {{QStringLiteral("probability"), QStringLiteral("forbidden")}}));
        QCOMPARE(stage.value(QLatin1String("server"))
                     .toObject()
                     .value(QLatin1String("probability"))
                     .toObject()
                     .value(QLatin1String("v"))
                     .toString(),
                 QStringLiteral("10"));

        // Resent (the answer was lost): the same answer, applied once, with or without the
        // header (a replica asks the same way each time; the answer is the one first sent).
        const Answer again = push(body, m_anna, true);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, a.body);
        QCOMPARE(push(body, m_anna, false).body, a.body);

        // The same batch sent without the header the first time keeps the v1 answer on resend.
        const QByteArray v1Body = batch(
            QStringLiteral("anna-2"),
            {record(QStringLiteral("stage"), kStage, {{QStringLiteral("probability"), value(QStringLiteral("60"))}}),
             record(QStringLiteral("company"), kCompany,
                    {{QStringLiteral("name"), value(QStringLiteral("Ромашка и К"))}})});
        const Answer first = push(v1Body, m_anna, false);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QLatin1String("results")).toArray().size(), 2);
        QCOMPARE(first.json().value(QLatin1String("rejected")).toInt(), 1);
        QCOMPARE(push(v1Body, m_anna, true).body, first.body);
    }

    void ourClientsAskForTheCompactAnswer()
    {
        // gamix-cli's sync pushes a new contact; the answer the server stored for that batch
        // (the one it sent) is the compact one, with no record listed.
        const QString db = m_dir.filePath(QStringLiteral("anna.db"));
        QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("init")}).code, 0);
        QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("contact"),
                         QStringLiteral("first_name=Анна"), QStringLiteral("last_name=Ёлкина")})
                     .code,
                 0);
        const Run r
            = runCli({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(),
                      QStringLiteral("--login"), QStringLiteral("anna"), QStringLiteral("--password-stdin")},
                     "pw-anna\n");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString stored
            = sqliteValue(m_dir.filePath(QStringLiteral("server.sqlite")),
                          QStringLiteral("SELECT result FROM gx_batch WHERE batch_id NOT LIKE 'olga-%' AND batch_id "
                                         "NOT LIKE 'anna-%' ORDER BY rowid DESC LIMIT 1"))
                  .toString();
        QVERIFY2(stored.contains(QStringLiteral("\"answer\":\"refusals\",\"results\":[],\"rejected\":0")),
                 qPrintable(stored));
    }

private:
    Answer push(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &auth, bool refusalsOnly)
    {
        QList<QPair<QByteArray, QByteArray>> headers = auth;
        if (refusalsOnly)
            headers.append({QByteArrayLiteral("X-Gamix-Answer"), QByteArrayLiteral("refusals")});
        return http("POST", m_server.url() + QStringLiteral("/v1/push"), body, headers);
    }

    QTemporaryDir m_dir;
    QStringList m_storage;
    Server m_server;
    QList<QPair<QByteArray, QByteArray>> m_olga, m_anna;
    QString m_annaId;
};

QTEST_GUILESS_MAIN(TestSyncPushAnswer)
#include "tst_sync_push_answer.moc"
