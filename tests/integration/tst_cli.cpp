// The real gamix-cli binary, as scripts use it (DESIGN.md §5), Cyrillic arguments included.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    Run cli(const QStringList &args, const QByteArray &stdinData = QByteArray())
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GAMIX_CLI_PATH), QStringList {QStringLiteral("--db"), m_db} + args);
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return Run {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                    QString::fromUtf8(p.readAllStandardError())};
    }

    QJsonValue json(const QStringList &args)
    {
        const Run r = cli(QStringList {QStringLiteral("--json")} + args);
        if (r.code != 0)
            qWarning() << r.err;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const Run r = cli({QStringLiteral("init")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty()); // nothing but machine output on stdout
    }

    void addGetSetDeleteEveryEntity()
    {
        Run co = cli({QStringLiteral("add"), QStringLiteral("company"), QStringLiteral("name=ООО «Вектор»"),
                      QStringLiteral("inn=7707083893"), QStringLiteral("city=Москва")});
        QCOMPARE(co.code, 0);
        const QString companyId = co.out.trimmed();
        QCOMPARE(companyId.size(), 36); // the id alone on stdout
        Run c = cli({QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Алёна"),
                     QStringLiteral("middle_name=Игоревна"), QStringLiteral("last_name=Жукова"),
                     QStringLiteral("email=alena@vector.ru"), QStringLiteral("phone=+7 (495) 123-45-67"),
                     QStringLiteral("company_id=") + companyId});
        QCOMPARE(c.code, 0);
        const QString contactId = c.out.trimmed();
        const QString leadId = cli({QStringLiteral("add"), QStringLiteral("lead"),
                                    QStringLiteral("title=Заявка с сайта"), QStringLiteral("consent=true")})
                                   .out.trimmed();
        const QString dealId = cli({QStringLiteral("add"), QStringLiteral("deal"), QStringLiteral("title=Поставка"),
                                    QStringLiteral("amount=150000.50"), QStringLiteral("contact_id=") + contactId})
                                   .out.trimmed();
        const QString taskId = cli({QStringLiteral("add"), QStringLiteral("task"), QStringLiteral("title=Позвонить"),
                                    QStringLiteral("due_at=2026-12-01"), QStringLiteral("deal_id=") + dealId})
                                   .out.trimmed();
        const QString noteId = cli({QStringLiteral("add"), QStringLiteral("note"), QStringLiteral("kind=call"),
                                    QStringLiteral("body=Обсудили цены"), QStringLiteral("contact_id=") + contactId})
                                   .out.trimmed();
        const QString pipelineId
            = cli({QStringLiteral("add"), QStringLiteral("pipeline"), QStringLiteral("name=Тендеры")}).out.trimmed();
        const QString stageId = cli({QStringLiteral("add"), QStringLiteral("stage"), QStringLiteral("name=Подача"),
                                     QStringLiteral("pipeline_id=") + pipelineId})
                                    .out.trimmed();
        for (const QString &id : {leadId, dealId, taskId, noteId, pipelineId, stageId})
            QCOMPARE(id.size(), 36);

        QJsonObject o = json({QStringLiteral("get"), QStringLiteral("contact"), contactId}).toObject();
        QCOMPARE(o.value(QStringLiteral("first_name")).toString(), QStringLiteral("Алёна"));
        QCOMPARE(o.value(QStringLiteral("company_id")).toString(), companyId);
        QVERIFY(o.value(QStringLiteral("email2")).isNull());
        QVERIFY(o.contains(QStringLiteral("owner_id")) && o.contains(QStringLiteral("office_id"))
                && o.contains(QStringLiteral("created_at")) && o.contains(QStringLiteral("updated_at")));
        QCOMPARE(json({QStringLiteral("get"), QStringLiteral("deal"), dealId})
                     .toObject()
                     .value(QStringLiteral("amount"))
                     .toString(),
                 QStringLiteral("150000.50"));
        QCOMPARE(json({QStringLiteral("get"), QStringLiteral("lead"), leadId})
                     .toObject()
                     .value(QStringLiteral("consent"))
                     .toBool(),
                 true);

        QCOMPARE(
            cli({QStringLiteral("set"), QStringLiteral("contact"), contactId, QStringLiteral("city=Санкт-Петербург")})
                .code,
            0);
        QCOMPARE(json({QStringLiteral("get"), QStringLiteral("contact"), contactId})
                     .toObject()
                     .value(QStringLiteral("city"))
                     .toString(),
                 QStringLiteral("Санкт-Петербург"));
        QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("task"), taskId, QStringLiteral("done=true")}).code, 0);

        QCOMPARE(cli({QStringLiteral("delete"), QStringLiteral("note"), noteId}).code, 0);
        const Run gone = cli({QStringLiteral("get"), QStringLiteral("note"), noteId});
        QVERIFY(gone.code != 0);
        QVERIFY(gone.out.isEmpty());
        QVERIFY(gone.err.contains(noteId));
    }

    void listWithSearchWhereSortLimit()
    {
        for (const char *name : {"Яковлев", "Андреев", "Борисов"})
            QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("contact"),
                          QStringLiteral("last_name=") + QString::fromUtf8(name), QStringLiteral("city=Тверь")})
                         .code,
                     0);
        QJsonArray all = json({QStringLiteral("list"), QStringLiteral("contact"), QStringLiteral("--where"),
                               QStringLiteral("city=Тверь"), QStringLiteral("--sort"), QStringLiteral("last_name")})
                             .toArray();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("last_name")).toString(), QStringLiteral("Андреев"));
        QCOMPARE(all.at(2).toObject().value(QStringLiteral("last_name")).toString(), QStringLiteral("Яковлев"));
        QJsonArray limited = json({QStringLiteral("list"), QStringLiteral("contact"), QStringLiteral("--sort"),
                                   QStringLiteral("-last_name"), QStringLiteral("--limit"), QStringLiteral("1")})
                                 .toArray();
        QCOMPARE(limited.size(), 1);
        QCOMPARE(limited.at(0).toObject().value(QStringLiteral("last_name")).toString(), QStringLiteral("Яковлев"));
        QJsonArray found = json({QStringLiteral("list"), QStringLiteral("contact"), QStringLiteral("--search"),
                                 QStringLiteral("жук")})
                               .toArray();
        QCOMPARE(found.size(), 1);
        QJsonArray hits = json({QStringLiteral("search"), QStringLiteral("8 495 123")}).toArray();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.at(0).toObject().value(QStringLiteral("entity")).toString(), QStringLiteral("contact"));
        // Empty list is an empty array, not nothing.
        QCOMPARE(json({QStringLiteral("list"), QStringLiteral("lead"), QStringLiteral("--where"),
                       QStringLiteral("status=lost")})
                     .toArray()
                     .size(),
                 0);
    }

    void errorsAreOneLineAndWriteNothing()
    {
        const QJsonArray before = json({QStringLiteral("list"), QStringLiteral("contact")}).toArray();
        Run r = cli({QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("last_name=Ошибкин"),
                     QStringLiteral("email=плохой")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY2(r.err.contains(QStringLiteral("email: “плохой” is not an email address")), qPrintable(r.err));
        QCOMPARE(json({QStringLiteral("list"), QStringLiteral("contact")}).toArray().size(), before.size());

        r = cli({QStringLiteral("add"), QStringLiteral("company"), QStringLiteral("name=X"),
                 QStringLiteral("inn=1234567890")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("INN")));
        r = cli(
            {QStringLiteral("add"), QStringLiteral("deal"), QStringLiteral("title=X"), QStringLiteral("amount=1.999")});
        QVERIFY(r.err.contains(QStringLiteral("amount")));
        r = cli({QStringLiteral("add"), QStringLiteral("widget"), QStringLiteral("name=X")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown entity")));
        r = cli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
    }

    void backupAndCheck()
    {
        const QString file = m_dir.filePath(QStringLiteral("b.sqlite"));
        QCOMPARE(cli({QStringLiteral("backup"), file}).code, 0);
        Run r = cli({QStringLiteral("check")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("ok"));
        // A read command on a missing database says so and creates nothing.
        const QString missing = m_dir.filePath(QStringLiteral("missing.sqlite"));
        QProcess p;
        p.start(QStringLiteral(GAMIX_CLI_PATH),
                {QStringLiteral("--db"), missing, QStringLiteral("list"), QStringLiteral("contact")});
        QVERIFY(p.waitForFinished());
        QVERIFY(p.exitCode() != 0);
        QVERIFY(!QFile::exists(missing));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
