// A pull leaves out the requesting replica's own records (echoes); against the real
// gamix-server, those left-out rows do not fill its pages: a replica that pushed many
// records walks past them in one request instead of one empty page per `limit` rows,
// while another replica still gets every record once, in pages of at most `limit`, and the
// one record written elsewhere in between reaches the pusher; a pull that ended past the
// echoes misses nothing written after it.
#include "tst_sync_kit.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace synckit;

namespace {

const QByteArray kSiteA = "0123456789abcdef0123456789abcdef";
const QByteArray kSiteB = "fedcba9876543210fedcba9876543210";

QByteArray pipelines(const QString &batchId, const QByteArray &site, int from, int count)
{
    QJsonArray records;
    for (int i = from; i < from + count; ++i) {
        const quint64 hlc = (quint64(QDateTime::currentMSecsSinceEpoch()) << 16) + quint64(i);
        records.append(QJsonObject {
            {QStringLiteral("entity"), QStringLiteral("pipeline")},
            {QStringLiteral("id"), QStringLiteral("019b76da-aca1-7b52-ac12-%1").arg(i, 12, 10, QLatin1Char('0'))},
            {QStringLiteral("fields"),
             QJsonObject {{QStringLiteral("name"),
                           QJsonObject {{QStringLiteral("v"), QStringLiteral("Воронка %1").arg(i)},
                                        {QStringLiteral("hlc"), QString::number(hlc)},
                                        {QStringLiteral("site"), QString::fromLatin1(site)}}}}}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("batch_id"), batchId}, {QStringLiteral("records"), records}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSyncPullEchoes : public QObject
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
        QVERIFY(m_server.start(m_storage, m_dir.filePath(QStringLiteral("server.log"))));
        m_auth = bearer(login(m_server.url(), QStringLiteral("olga"), QStringLiteral("pw-olga")));
        // Site A pushes 60 records, site B one, then A 60 more.
        QCOMPARE(push(pipelines(QStringLiteral("a-1"), kSiteA, 0, 60), kSiteA), 200);
        QCOMPARE(push(pipelines(QStringLiteral("b-1"), kSiteB, 1000, 1), kSiteB), 200);
        QCOMPARE(push(pipelines(QStringLiteral("a-2"), kSiteA, 60, 60), kSiteA), 200);
    }

    void thePusherWalksPastItsOwnRecords()
    {
        int requests = 0;
        const QStringList got = pullAll(kSiteA, 5, &requests, &m_cursorA);
        QCOMPARE(got, QStringList {QStringLiteral("Воронка 1000")});
        // 121 rows, 120 of them its own: one request, where one per 5 rows took 25.
        QCOMPARE(requests, 1);
    }

    void anotherReplicaGetsEveryRecordOnce()
    {
        int requests = 0;
        const QStringList got = pullAll(kSiteB, 7, &requests, &m_cursorB);
        QCOMPARE(got.size(), 120);
        QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), 120);
        QVERIFY(!got.contains(QStringLiteral("Воронка 1000")));
        QCOMPARE(got.first(), QStringLiteral("Воронка 0"));
        QCOMPARE(got.last(), QStringLiteral("Воронка 119"));
    }

    void aPullPastTheEchoesMissesNothingWrittenAfter()
    {
        // Both replicas are at the end; then B writes one and A three more of its own.
        QCOMPARE(push(pipelines(QStringLiteral("b-2"), kSiteB, 2000, 1), kSiteB), 200);
        QCOMPARE(push(pipelines(QStringLiteral("a-3"), kSiteA, 120, 3), kSiteA), 200);
        int requests = 0;
        QCOMPARE(pullAll(kSiteA, 5, &requests, &m_cursorA), QStringList {QStringLiteral("Воронка 2000")});
        QCOMPARE(requests, 1);
        QCOMPARE(pullAll(kSiteB, 7, &requests, &m_cursorB),
                 (QStringList {QStringLiteral("Воронка 120"), QStringLiteral("Воронка 121"),
                               QStringLiteral("Воронка 122")}));
        // Nothing new: each gets nothing, and its cursor stays where it is.
        const qint64 a = m_cursorA;
        QCOMPARE(pullAll(kSiteA, 5, &requests, &m_cursorA), QStringList());
        QCOMPARE(m_cursorA, a);
        QCOMPARE(pullAll(kSiteB, 7, &requests, &m_cursorB), QStringList());
    }

private:
    int push(const QByteArray &body, const QByteArray &site)
    {
        QList<QPair<QByteArray, QByteArray>> headers = m_auth;
        headers.append({QByteArrayLiteral("X-Gamix-Site"), site});
        return http("POST", m_server.url() + QStringLiteral("/v1/push"), body, headers).status;
    }

    // Every pipeline name the replica `site` pulls from *cursor, page by page, moving the
    // cursor; fails the test on a page larger than `limit`.
    QStringList pullAll(const QByteArray &site, int limit, int *requests, qint64 *cursor)
    {
        QStringList names;
        QList<QPair<QByteArray, QByteArray>> headers = m_auth;
        headers.append({QByteArrayLiteral("X-Gamix-Site"), site});
        qint64 &since = *cursor;
        for (*requests = 1; *requests < 1000; ++*requests) {
            const Answer a
                = http("GET", m_server.url() + QStringLiteral("/v1/pull?since=%1&limit=%2").arg(since).arg(limit),
                       QByteArray(), headers);
            if (a.status != 200)
                return {QStringLiteral("status %1").arg(a.status)};
            const QJsonArray records = a.json().value(QLatin1String("records")).toArray();
            if (records.size() > limit)
                return {QStringLiteral("a page of %1").arg(records.size())};
            for (const QJsonValue &v : records) {
                const QJsonObject r = v.toObject();
                if (r.value(QLatin1String("entity")).toString() == u"pipeline")
                    names << r.value(QLatin1String("fields"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toObject()
                                 .value(QLatin1String("v"))
                                 .toString();
            }
            since = qint64(a.json().value(QLatin1String("next")).toDouble());
            if (!a.json().value(QLatin1String("more")).toBool())
                break;
        }
        return names;
    }

    QTemporaryDir m_dir;
    QStringList m_storage;
    Server m_server;
    QList<QPair<QByteArray, QByteArray>> m_auth;
    qint64 m_cursorA = 0;
    qint64 m_cursorB = 0;
};

QTEST_GUILESS_MAIN(TestSyncPullEchoes)
#include "tst_sync_pull_echoes.moc"
