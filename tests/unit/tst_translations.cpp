// The Russian translation as a user meets it: every message of gamix_ru.ts is translated,
// keeps its placeholders, accelerators and markup, has all three Russian plural forms, and
// the compiled :/i18n/gamix_ru.qm really turns labels and messages into Russian.
#include "Translations.h"
#include "schema/FieldCodec.h"
#include "schema/Schema.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace gamix;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // the translation, or the numerus forms
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                m = Message {context, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes", false, {}};
            } else if (name == u"source") {
                m.source = xml.readElementText();
            } else if (name == u"translation") {
                const auto type = xml.attributes().value(QLatin1String("type"));
                // "vanished" and "obsolete" messages are as unusable as unfinished ones.
                m.unfinished = !type.isEmpty();
                if (!m.numerus)
                    m.forms << xml.readElementText();
            } else if (name == u"numerusform") {
                m.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return out;
}

QString tsPath(const char *language)
{
    return QStringLiteral(GAMIX_TEST_DATA_DIR "/../../translations/gamix_") + QLatin1String(language)
        + QStringLiteral(".ts");
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:L?[1-9]|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.removeDuplicates();
    found.sort();
    return found;
}

QStringList tags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("</?[a-zA-Z][^>]*>"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    return found;
}

// A keyboard accelerator: '&' before a letter ("&&" is a literal ampersand).
int accelerators(const QString &text)
{
    int n = 0;
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        n += text.at(i + 1).isLetterOrNumber() ? 1 : 0;
    }
    return n;
}

QString where(const Message &m)
{
    return m.context + QStringLiteral(" / ") + m.source;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void russianMessagesAreComplete();
    void englishPluralsAreComplete();
    void compiledRussianTranslatesLabels();
    void compiledRussianTranslatesMessages();
    void russianPluralForms_data();
    void russianPluralForms();
    void runtimeContexts_data();
    void runtimeContexts();

private:
    QTranslator m_ru;
};

void TestTranslations::russianMessagesAreComplete()
{
    QString error;
    const QList<Message> messages = readTs(tsPath("ru"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 300);
    for (const Message &m : messages) {
        const QString at = where(m);
        QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + at));
        QVERIFY2(m.forms.size() == (m.numerus ? 3 : 1),
                 qPrintable(QStringLiteral("%1 forms: %2").arg(m.forms.size()).arg(at)));
        for (const QString &form : m.forms) {
            QVERIFY2(!form.trimmed().isEmpty(), qPrintable(QStringLiteral("empty translation: ") + at));
            QVERIFY2(placeholders(form) == placeholders(m.source),
                     qPrintable(QStringLiteral("placeholders differ: %1 -> %2").arg(at, form)));
            QVERIFY2(tags(form) == tags(m.source),
                     qPrintable(QStringLiteral("markup differs: %1 -> %2").arg(at, form)));
            QVERIFY2(accelerators(form) == accelerators(m.source),
                     qPrintable(QStringLiteral("accelerators differ: %1 -> %2").arg(at, form)));
            // Russian typography: «ёлочки», not the English quotes of the source.
            QVERIFY2(!form.contains(u'“') && !form.contains(u'”'),
                     qPrintable(QStringLiteral("English quotes: %1 -> %2").arg(at, form)));
        }
        if (m.numerus)
            QVERIFY2(m.forms.at(0) != m.forms.at(2), qPrintable(QStringLiteral("plural forms alike: ") + at));
    }
}

void TestTranslations::englishPluralsAreComplete()
{
    QString error;
    const QList<Message> messages = readTs(tsPath("en"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int plurals = 0;
    for (const Message &m : messages) {
        if (!m.numerus)
            continue;
        ++plurals;
        const QString at = where(m);
        QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + at));
        QCOMPARE(m.forms.size(), 2);
        QVERIFY2(!m.forms.at(0).contains(QLatin1String("(s)")) && !m.forms.at(1).contains(QLatin1String("(s)")),
                 qPrintable(at));
        for (const QString &form : m.forms)
            QVERIFY2(placeholders(form) == placeholders(m.source), qPrintable(at + QStringLiteral(" -> ") + form));
    }
    QVERIFY(plurals > 0);
}

void TestTranslations::compiledRussianTranslatesLabels()
{
    QVERIFY(m_ru.load(QStringLiteral(":/i18n/gamix_ru.qm")));
    QCOMPARE(m_ru.translate("Schema", "Contacts"), QStringLiteral("Контакты"));
    QVERIFY(QCoreApplication::installTranslator(&m_ru));

    const Schema &schema = Schema::instance();
    QCOMPARE(schema.entity(u"contact")->translatedPluralLabel(), QStringLiteral("Контакты"));
    QCOMPARE(schema.entity(u"deal")->translatedLabel(), QStringLiteral("Сделка"));
    QCOMPARE(schema.entity(u"deal")->field(u"owner_id")->translatedLabel(), QStringLiteral("Ответственный"));
    QCOMPARE(schema.entity(u"company")->field(u"inn")->translatedLabel(), QStringLiteral("ИНН"));
    // Every label a user sees as a column header or a form label: a label lupdate does not
    // find (a macro it cannot expand, say) stays English here.
    const QStringList sameInRussian = {QStringLiteral("Email"), QStringLiteral("Email 2"), QStringLiteral("Telegram")};
    for (const EntityDef &e : schema.entities()) {
        QVERIFY2(e.translatedLabel() != QLatin1String(e.label), e.label);
        QVERIFY2(e.translatedPluralLabel() != QLatin1String(e.pluralLabel), e.pluralLabel);
        for (const FieldDef &f : e.fields) {
            const QString label = QLatin1String(f.label);
            QVERIFY2(f.translatedLabel() != label || sameInRussian.contains(label),
                     qPrintable(e.name + u'.' + f.name + QStringLiteral(": ") + label));
        }
    }
}

void TestTranslations::compiledRussianTranslatesMessages()
{
    // What a user reads when a typed value is wrong.
    const FieldDef *email = Schema::instance().entity(u"contact")->field(u"email");
    QVariant value;
    QString error;
    QVERIFY(!FieldCodec::parse(*email, QStringLiteral("ivan@"), &value, &error));
    QCOMPARE(error, QStringLiteral("email: «ivan@» — не адрес электронной почты"));

    // The shared install path of the app and the CLI picks the same file.
    QCOMPARE(i18n::install(QStringLiteral("ru")), QStringLiteral("ru"));
    QCOMPARE(QCoreApplication::translate("gamix::MainWindow", "&File"), QStringLiteral("&Файл"));
    QCOMPARE(QCoreApplication::translate("Stage", "Negotiation"), QStringLiteral("Переговоры"));
    QCOMPARE(i18n::install(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("gamix::ListPage", "%n record(s)", nullptr, 1), QStringLiteral("1 record"));
}

void TestTranslations::russianPluralForms_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("text");
    QTest::newRow("1") << 1 << QStringLiteral("1 запись");
    QTest::newRow("3") << 3 << QStringLiteral("3 записи");
    QTest::newRow("5") << 5 << QStringLiteral("5 записей");
    QTest::newRow("11") << 11 << QStringLiteral("11 записей");
    QTest::newRow("21") << 21 << QStringLiteral("21 запись");
    QTest::newRow("22") << 22 << QStringLiteral("22 записи");
    QTest::newRow("0") << 0 << QStringLiteral("0 записей");
}

void TestTranslations::russianPluralForms()
{
    QFETCH(int, n);
    QFETCH(QString, text);
    QVERIFY(!m_ru.isEmpty());
    QCOMPARE(
        m_ru.translate("gamix::ListPage", "%n record(s)", nullptr, n).replace(QLatin1String("%n"), QString::number(n)),
        text);
}

void TestTranslations::runtimeContexts_data()
{
    // The context a string is looked up in at run time, next to the Russian a user should get.
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("russian");
    QTest::addColumn<QString>("knownBroken");
    QTest::newRow("Schema") << "Schema"
                            << "Leads"
                            << "Лиды" << QString();
    QTest::newRow("Format") << "Format"
                            << "Won"
                            << "Выиграна" << QString();
    QTest::newRow("Q_OBJECT class") << "gamix::TasksPage"
                                    << "Overdue"
                                    << "Просроченные" << QString();
    // Strings of free functions and of command subclasses are looked up in a named context
    // (QCoreApplication::translate("Store", …), StoreCommand::tr); lupdate must file them there.
    QTest::newRow("Store") << "Store"
                           << "%1: this field is required"
                           << "%1: обязательное поле" << QString();
    QTest::newRow("Cli") << "Cli"
                         << "unknown option “%1”"
                         << "неизвестный параметр «%1»" << QString();
    QTest::newRow("Import") << "Import"
                            << "the file is empty"
                            << "файл пуст" << QString();
    QTest::newRow("StoreCommand") << "StoreCommand"
                                  << "Delete %1"
                                  << "удаление «%1»" << QString();
}

void TestTranslations::runtimeContexts()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, russian);
    QFETCH(QString, knownBroken);
    QVERIFY(!m_ru.isEmpty());
    const QString got = m_ru.translate(context.toUtf8().constData(), source.toUtf8().constData());
    if (!knownBroken.isEmpty())
        QEXPECT_FAIL("", qPrintable(knownBroken), Continue);
    QCOMPARE(got, russian);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
