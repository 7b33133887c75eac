#include "ImportBackground.h"

#include "io/ImportJob.h"
#include "io/VCardReader.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent>

namespace gamix {

QFuture<ImportOutcome> startImport(const QString &dbPath, const ImportOptions &options,
                                   std::shared_ptr<std::atomic_bool> cancel)
{
    return QtConcurrent::run([dbPath, options, cancel](QPromise<ImportOutcome> &promise) {
        ImportOutcome outcome;
        Store store;
        QString error;
        if (!store.open(dbPath, &error)) {
            outcome.summary.fatalError = error;
            promise.addResult(outcome);
            return;
        }
        auto keep = [&outcome](const ImportRowReport &r) {
            if (r.action != ImportRowReport::Action::Create && outcome.problems.size() < 500)
                outcome.problems << r;
        };
        if (VCardReader::looksLikeVCard(options.file)) {
            outcome.summary = VCardReader::import(store, options, keep);
            promise.addResult(outcome);
            return;
        }
        ImportJob job(store, options);
        job.cancelFlag = cancel.get();
        job.onRow = keep;
        QElapsedTimer clock;
        clock.start();
        qint64 lastMs = 0;
        qint64 lastRows = 0;
        job.onProgress = [&](qint64 rows, qint64 total, qint64, qint64) {
            const qint64 now = clock.elapsed();
            const qint64 rate = now > lastMs ? (rows - lastRows) * 1000 / (now - lastMs) : 0;
            lastMs = now;
            lastRows = rows;
            if (total > 0)
                promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
            promise.setProgressValueAndText(
                int(std::min<qint64>(rows, INT_MAX)),
                QCoreApplication::translate("ImportWizard", "%1 rows, %2 rows/s").arg(rows).arg(rate));
        };
        outcome.summary = job.run();
        promise.addResult(outcome);
    });
}

} // namespace gamix
