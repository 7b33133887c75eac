#include "FieldEditor.h"

#include "Format.h"
#include "ReferencePicker.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace gamix {

QWidget *FieldEditor::create(Store *store, const FieldDef &f)
{
    QWidget *ed = nullptr;
    switch (f.type) {
    case FieldType::LongText: {
        auto *t = new QPlainTextEdit;
        t->setMaximumHeight(90);
        t->setTabChangesFocus(true);
        ed = t;
        break;
    }
    case FieldType::Bool:
        ed = new QCheckBox;
        break;
    case FieldType::Enum: {
        auto *c = new QComboBox;
        for (const QString &v : f.enumValues)
            c->addItem(Format::enumLabel(f, v), v);
        ed = c;
        break;
    }
    case FieldType::Reference: {
        const EntityDef *target = Schema::instance().entity(f.refEntity);
        if (target && !target->directory && target->name != u"stage" && target->name != u"pipeline") {
            ed = new ReferencePicker(store, *target); // searched as the user types
            break;
        }
        auto *c = new QComboBox; // stages, pipelines, users, offices: a handful
        c->addItem(QString(), QString());
        if (target) {
            QString err;
            ListQuery q;
            q.entity = target;
            q.sort = target->name == u"stage" ? QStringLiteral("position") : target->displayField;
            for (const Record &r : store->list(q, &err)) {
                const QString name = target->name == u"stage" ? Format::stageName(r.displayName()) : r.displayName();
                c->addItem(name, r.id);
            }
        }
        ed = c;
        break;
    }
    default: {
        auto *l = new QLineEdit;
        // Written for RecordDialog's form: they keep its translation context.
        if (f.type == FieldType::Date)
            l->setPlaceholderText(QCoreApplication::translate("gamix::RecordDialog", "YYYY-MM-DD"));
        else if (f.type == FieldType::DueDate)
            l->setPlaceholderText(QCoreApplication::translate("gamix::RecordDialog", "YYYY-MM-DD or YYYY-MM-DD HH:MM"));
        else if (f.type == FieldType::Money)
            l->setPlaceholderText(QStringLiteral("0.00"));
        else if (f.type == FieldType::Telegram)
            l->setPlaceholderText(QStringLiteral("@username"));
        ed = l;
        break;
    }
    }
    ed->setObjectName(QStringLiteral("field_") + f.name);
    return ed;
}

QString FieldEditor::text(const QWidget *w)
{
    if (auto *l = qobject_cast<const QLineEdit *>(w))
        return l->text().trimmed();
    if (auto *t = qobject_cast<const QPlainTextEdit *>(w))
        return t->toPlainText().trimmed();
    if (auto *c = qobject_cast<const QCheckBox *>(w))
        return c->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *picker = qobject_cast<const ReferencePicker *>(w))
        return picker->currentId();
    if (auto *combo = qobject_cast<const QComboBox *>(w))
        return combo->currentData().toString();
    return QString();
}

void FieldEditor::setText(QWidget *w, Store *store, const FieldDef &f, const QString &text)
{
    if (auto *l = qobject_cast<QLineEdit *>(w)) {
        l->setText(text);
    } else if (auto *t = qobject_cast<QPlainTextEdit *>(w)) {
        t->setPlainText(text);
    } else if (auto *c = qobject_cast<QCheckBox *>(w)) {
        c->setChecked(text == u"true");
    } else if (auto *picker = qobject_cast<ReferencePicker *>(w)) {
        picker->setCurrentId(text, QString());
    } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
        int i = combo->findData(text);
        if (i < 0 && !text.isEmpty()) {
            combo->addItem(Format::value(f, text, store), text);
            i = combo->count() - 1;
        }
        combo->setCurrentIndex(qMax(0, i));
    }
}

} // namespace gamix
