#include "ImportWizard.h"

#include "ImportDuplicatesPage.h"
#include "ImportWizardPages.h"
#include "io/ImportJob.h"
#include "store/Store.h"

namespace gamix {

ImportWizard::ImportWizard(const QString &dbPath, QWidget *parent, const QString &entity)
    : QWizard(parent)
    , m_dbPath(dbPath)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import"));
    setOption(QWizard::NoBackButtonOnLastPage, true);
    m_options.entity = Schema::instance().entity(entity.isEmpty() ? QStringLiteral("contact") : entity);
    if (!m_options.entity)
        m_options.entity = Schema::instance().entity(u"contact");
    auto *source = new ImportSourcePage(this);
    source->setEntity(m_options.entity->name);
    setPage(SourcePage, source);
    setPage(PreviewPage, new ImportPreviewPage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(DuplicatesPage, new ImportDuplicatesPage(this));
    setPage(DryRunPage, new ImportDryRunPage(this));
    setPage(RunPage, new ImportRunPage(this));
    resize(860, 600);
}

bool ImportWizard::prepare(QString *error)
{
    // Reading the header needs no database; ImportJob wants a Store, so it gets an
    // unopened one and never touches it in prepare().
    Store none;
    ImportOptions options = m_options;
    options.mapping.clear();
    ImportJob job(none, options);
    if (!job.prepare(error))
        return false;
    m_header = job.header();
    m_preview = job.previewRows();
    m_suggested = job.mapping();
    m_preset = job.preset() ? job.preset()->id : QString();
    m_encoding = job.encoding();
    m_delimiter = job.delimiter();
    return true;
}

} // namespace gamix
