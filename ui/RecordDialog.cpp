#include "RecordDialog.h"

#include "DataEvents.h"
#include "FieldEditor.h"
#include "Format.h"
#include "ReferencePicker.h"
#include "commands/ConvertLeadCommand.h"
#include "commands/CreateRecordCommand.h"
#include "commands/DeleteRecordCommand.h"
#include "commands/EditRecordCommand.h"
#include "schema/FieldCodec.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gamix {

namespace {

bool hasTimeline(const EntityDef &e)
{
    return e.name == u"contact" || e.name == u"company" || e.name == u"deal" || e.name == u"lead";
}

QString kindIcon(const QString &kind)
{
    // Symbols every DejaVu/Noto install has; colour emoji are not everywhere.
    if (kind == u"call")
        return QStringLiteral("☎");
    if (kind == u"email")
        return QStringLiteral("✉");
    if (kind == u"meeting")
        return QStringLiteral("◈");
    return QStringLiteral("✎");
}

} // namespace

RecordDialog::RecordDialog(Store *store, QUndoStack *undo, const EntityDef &entity, const QString &id,
                           const QList<FieldWrite> &preset, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_undo(undo)
    , m_entity(entity)
    , m_id(id)
{
    setObjectName(QStringLiteral("recordDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("recordTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    outer->addWidget(m_title);
    m_links = new QLabel(this);
    m_links->setObjectName(QStringLiteral("recordLinks"));
    m_links->setOpenExternalLinks(true);
    m_links->setTextInteractionFlags(Qt::TextBrowserInteraction);
    outer->addWidget(m_links);

    auto *split = new QSplitter(this);
    auto *formHost = new QWidget;
    auto *form = new QFormLayout(formHost);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const FieldDef &f : entity.fields) {
        if (f.system)
            continue;
        auto *cell = new QWidget;
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        QWidget *ed = FieldEditor::create(m_store, f);
        if (auto *line = qobject_cast<QLineEdit *>(ed))
            connect(line, &QLineEdit::textChanged, this, &RecordDialog::updateLinks);
        v->addWidget(ed);
        auto *err = new QLabel(cell);
        err->setObjectName(QStringLiteral("error_") + f.name);
        err->setStyleSheet(QStringLiteral("color: #c0392b;"));
        err->setWordWrap(true);
        err->hide();
        v->addWidget(err);
        m_editors.insert(f.name, ed);
        m_errors.insert(f.name, err);
        form->addRow(f.translatedLabel() + (f.required ? QStringLiteral(" *") : QString()), cell);
    }
    m_formError = new QLabel(formHost);
    m_formError->setObjectName(QStringLiteral("formError"));
    m_formError->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_formError->setWordWrap(true);
    m_formError->hide();
    form->addRow(m_formError);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(formHost);
    split->addWidget(scroll);
    split->addWidget(buildSide());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    outer->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(this);
    auto *saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    saveButton->setDefault(true);
    m_deleteButton = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    if (entity.name == u"lead") {
        m_convertButton = buttons->addButton(tr("Convert…"), QDialogButtonBox::ActionRole);
        m_convertButton->setObjectName(QStringLiteral("convertButton"));
        connect(m_convertButton, &QPushButton::clicked, this, &RecordDialog::convertLead);
    }
    auto *closeButton = buttons->addButton(QDialogButtonBox::Close);
    closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(saveButton, &QPushButton::clicked, this, [this] {
        if (save() && !m_id.isEmpty())
            accept();
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &RecordDialog::deleteRecord);
    connect(closeButton, &QPushButton::clicked, this, &QDialog::reject);
    outer->addWidget(buttons);

    for (const FieldWrite &w : preset) {
        if (const FieldDef *f = entity.field(w.field))
            setEditorText(*f, w.text);
    }
    loadRecord();
    resize(hasTimeline(entity) ? 980 : 620, 640);
}

QString RecordDialog::editorText(const FieldDef &f) const
{
    return FieldEditor::text(m_editors.value(f.name));
}

void RecordDialog::setEditorText(const FieldDef &f, const QString &text)
{
    FieldEditor::setText(m_editors.value(f.name), m_store, f, text);
}

void RecordDialog::loadRecord()
{
    const bool existing = !m_id.isEmpty();
    if (existing) {
        m_record = m_store->get(m_entity, m_id);
        for (const FieldDef &f : m_entity.fields) {
            if (!f.system)
                setEditorText(f, m_record.text(f.name));
        }
        m_title->setText(m_entity.name == u"stage" ? Format::stageName(m_record.displayName())
                                                   : m_record.displayName());
        setWindowTitle(m_entity.translatedLabel() + QStringLiteral(" — ") + m_record.displayName());
    } else {
        m_title->setText(tr("New %1").arg(m_entity.translatedLabel().toLower()));
        setWindowTitle(m_title->text());
    }
    m_deleteButton->setVisible(existing);
    if (m_convertButton)
        m_convertButton->setEnabled(existing && m_record.text(u"status") != u"converted");
    updateLinks();
    refreshSide();
}

void RecordDialog::updateLinks()
{
    QStringList links;
    for (const FieldDef &f : m_entity.fields) {
        if (f.type != FieldType::Phone && f.type != FieldType::Email && f.type != FieldType::Telegram)
            continue;
        const QString text = editorText(f);
        const QString url = Format::linkUrl(f, text);
        if (!url.isEmpty())
            links << QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), text.toHtmlEscaped());
    }
    m_links->setText(links.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_links->setVisible(!links.isEmpty());
}

QWidget *RecordDialog::buildSide()
{
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("recordSide"));
    if (hasTimeline(m_entity)) {
        auto *page = new QWidget;
        auto *v = new QVBoxLayout(page);
        auto *row = new QHBoxLayout;
        m_noteKind = new QComboBox;
        m_noteKind->setObjectName(QStringLiteral("noteKind"));
        const FieldDef *kind = Schema::instance().entity(u"note")->field(u"kind");
        for (const QString &k : kind->enumValues)
            m_noteKind->addItem(kindIcon(k) + u' ' + Format::enumLabel(*kind, k), k);
        m_noteEdit = new QLineEdit;
        m_noteEdit->setObjectName(QStringLiteral("noteEdit"));
        m_noteEdit->setPlaceholderText(tr("What happened? Enter adds it"));
        auto *add = new QPushButton(tr("Add"));
        add->setObjectName(QStringLiteral("addNoteButton"));
        add->setAutoDefault(false);
        connect(add, &QPushButton::clicked, this, &RecordDialog::addNote);
        connect(m_noteEdit, &QLineEdit::returnPressed, this, &RecordDialog::addNote);
        row->addWidget(m_noteKind);
        row->addWidget(m_noteEdit, 1);
        row->addWidget(add);
        v->addLayout(row);
        m_timeline = new QListWidget;
        m_timeline->setObjectName(QStringLiteral("timeline"));
        m_timeline->setWordWrap(true);
        m_timeline->setAlternatingRowColors(true);
        v->addWidget(m_timeline, 1);
        tabs->addTab(page, tr("Activity"));
    }
    m_related = new QTreeWidget;
    m_related->setObjectName(QStringLiteral("related"));
    m_related->setHeaderHidden(true);
    connect(m_related, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString entity = item->data(0, Qt::UserRole).toString();
        const QString id = item->data(0, Qt::UserRole + 1).toString();
        if (!id.isEmpty())
            emit openRecord(entity, id);
    });
    tabs->addTab(m_related, tr("Related"));
    connect(DataEvents::instance(), &DataEvents::changed, this, [this](const QString &e) {
        if (e == u"note" || e == u"deal" || e == u"task" || e == u"contact")
            refreshSide();
    });
    return tabs;
}

void RecordDialog::refreshSide()
{
    if (m_timeline) {
        m_timeline->clear();
        if (!m_id.isEmpty()) {
            ListQuery q;
            q.entity = Schema::instance().entity(u"note");
            q.where << qMakePair(m_entity.name + QStringLiteral("_id"), m_id);
            q.sort = QStringLiteral("-occurred_at");
            q.limit = 200;
            QString err;
            const FieldDef *kind = q.entity->field(u"kind");
            for (const Record &n : m_store->list(q, &err)) {
                const QString when = Format::dateTime(n.text(u"occurred_at"));
                auto *item
                    = new QListWidgetItem(kindIcon(n.text(u"kind")) + u' ' + Format::enumLabel(*kind, n.text(u"kind"))
                                          + QStringLiteral(" · ") + when + u'\n' + n.text(u"body"));
                m_timeline->addItem(item);
            }
        }
        m_noteEdit->setEnabled(!m_id.isEmpty());
        m_noteKind->setEnabled(!m_id.isEmpty());
    }
    m_related->clear();
    if (m_id.isEmpty())
        return;
    const Schema &s = Schema::instance();
    auto group = [this](const QString &title) {
        auto *g = new QTreeWidgetItem(m_related, {title});
        QFont f = g->font(0);
        f.setBold(true);
        g->setFont(0, f);
        g->setExpanded(true);
        return g;
    };
    auto addRecord = [](QTreeWidgetItem *g, const Record &r, const QString &extra = QString()) {
        auto *i = new QTreeWidgetItem(
            g, {extra.isEmpty() ? r.displayName() : r.displayName() + QStringLiteral(" — ") + extra});
        i->setData(0, Qt::UserRole, r.entity->name);
        i->setData(0, Qt::UserRole + 1, r.id);
    };
    // A record's references (its company, contact, deal) first, then what points at it.
    for (const FieldDef &f : m_entity.fields) {
        if (f.type != FieldType::Reference || f.system || m_record.text(f.name).isEmpty())
            continue;
        if (f.refEntity == u"pipeline" || f.refEntity == u"stage")
            continue;
        const Record r = m_store->get(*s.entity(f.refEntity), m_record.text(f.name));
        if (r.isValid())
            addRecord(group(f.translatedLabel()), r);
    }
    for (const char *name : {"contact", "deal", "task"}) {
        const EntityDef *other = s.entity(QString::fromLatin1(name));
        const QString refField = m_entity.name + QStringLiteral("_id");
        if (!other->field(refField) || other == &m_entity)
            continue;
        ListQuery q;
        q.entity = other;
        q.where << qMakePair(refField, m_id);
        q.limit = 100;
        QString err;
        const QList<Record> rows = m_store->list(q, &err);
        if (rows.isEmpty())
            continue;
        QTreeWidgetItem *g = group(QStringLiteral("%1 (%2)").arg(other->translatedPluralLabel()).arg(rows.size()));
        for (const Record &r : rows) {
            QString extra;
            if (other->name == u"deal")
                extra = Format::money(r.value(u"amount").toLongLong());
            else if (other->name == u"task")
                extra
                    = Format::due(r.text(u"due_at")) + (r.text(u"done") == u"true" ? QStringLiteral(" ✓") : QString());
            else
                extra = r.text(u"position");
            addRecord(g, r, extra);
        }
    }
}

QString RecordDialog::errorText(const QString &field) const
{
    QLabel *l = m_errors.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

void RecordDialog::clearErrors()
{
    for (QLabel *l : std::as_const(m_errors)) {
        l->clear();
        l->hide();
    }
    m_formError->hide();
}

void RecordDialog::showErrors(const QStringList &errors)
{
    clearErrors();
    QStringList general;
    for (const QString &e : errors) {
        // Store errors start with the field name and a colon.
        const int colon = e.indexOf(u':');
        const QString field = colon > 0 ? e.left(colon).trimmed() : QString();
        if (QLabel *l = m_errors.value(field)) {
            l->setText(e.mid(colon + 1).trimmed());
            l->show();
        } else {
            general << e;
        }
    }
    if (!general.isEmpty()) {
        m_formError->setText(general.join(u'\n'));
        m_formError->show();
    }
}

bool RecordDialog::save()
{
    QList<FieldWrite> writes;
    QStringList unresolved; // a reference typed but not chosen: said in words, not as a bad id
    for (const FieldDef &f : m_entity.fields) {
        if (f.system)
            continue;
        if (auto *picker = qobject_cast<ReferencePicker *>(m_editors.value(f.name)); picker && picker->isUnresolved())
            unresolved << f.name + QStringLiteral(": ") + picker->unresolvedMessage();
        const QString text = editorText(f);
        if (m_id.isEmpty()) {
            if (!text.isEmpty() && !(f.type == FieldType::Bool && text == u"false" && f.defaultValue.isEmpty()))
                writes << FieldWrite {f.name, text};
        } else if (text != m_record.text(f.name)) {
            writes << FieldWrite {f.name, text};
        }
    }
    if (!unresolved.isEmpty()) {
        showErrors(unresolved);
        return false;
    }
    if (!m_id.isEmpty() && writes.isEmpty())
        return true;
    StoreCommand *cmd = m_id.isEmpty() ? static_cast<StoreCommand *>(new CreateRecordCommand(m_store, m_entity, writes))
                                       : new EditRecordCommand(m_store, m_entity, m_id, writes);
    if (!cmd->execute()) {
        showErrors(cmd->result().errors);
        delete cmd;
        return false;
    }
    clearErrors();
    if (m_id.isEmpty())
        m_id = static_cast<CreateRecordCommand *>(cmd)->recordId();
    m_undo->push(cmd);
    loadRecord();
    emit saved(m_id);
    return true;
}

void RecordDialog::deleteRecord()
{
    if (m_id.isEmpty())
        return;
    auto *cmd = new DeleteRecordCommand(m_store, m_entity, m_id);
    if (!cmd->execute()) {
        showErrors(cmd->result().errors);
        delete cmd;
        return;
    }
    m_undo->push(cmd);
    accept();
}

void RecordDialog::convertLead()
{
    if (m_id.isEmpty() || !save())
        return;
    auto *cmd = new ConvertLeadCommand(m_store, m_id);
    if (!cmd->execute()) {
        showErrors(cmd->result().errors);
        delete cmd;
        return;
    }
    const ConversionResult c = cmd->conversion();
    m_undo->push(cmd);
    loadRecord();
    if (!c.dealId.isEmpty())
        emit openRecord(QStringLiteral("deal"), c.dealId);
}

void RecordDialog::addNote()
{
    if (m_id.isEmpty() || !m_noteEdit || m_noteEdit->text().trimmed().isEmpty())
        return;
    const EntityDef &note = *Schema::instance().entity(u"note");
    QList<FieldWrite> w {{QStringLiteral("kind"), m_noteKind->currentData().toString()},
                         {QStringLiteral("body"), m_noteEdit->text().trimmed()},
                         {QStringLiteral("occurred_at"), FieldCodec::toIsoUtc(QDateTime::currentDateTimeUtc())},
                         {m_entity.name + QStringLiteral("_id"), m_id}};
    if (m_entity.name == u"contact" && !m_record.text(u"company_id").isEmpty())
        w << FieldWrite {QStringLiteral("company_id"), m_record.text(u"company_id")};
    auto *cmd = new CreateRecordCommand(m_store, note, w);
    if (!cmd->execute()) {
        showErrors(cmd->result().errors);
        delete cmd;
        return;
    }
    m_undo->push(cmd);
    m_noteEdit->clear();
}

} // namespace gamix
