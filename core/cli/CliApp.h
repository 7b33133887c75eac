#pragma once
// gamix-cli: the scripting interface of DESIGN.md §5. Machine-readable output goes to
// `out` only; warnings and errors go to `err`, one line each.

#include <QStringList>
#include <QTextStream>

namespace gamix {

class Store;

class CliApp
{
public:
    CliApp(QTextStream &out, QTextStream &err);
    // args without the program name; returns the process exit code.
    int run(QStringList args);

    static constexpr int kOk = 0;
    static constexpr int kFailed = 1; // the command ran and was refused or failed
    static constexpr int kUsage = 2; // the command line itself was wrong

private:
    int fail(const QString &message, int code = kFailed);
    bool openStore(Store &store, bool create);
    int cmdAdd(const QStringList &args);
    int cmdGet(const QStringList &args);
    int cmdSet(const QStringList &args);
    int cmdDelete(const QStringList &args, bool restore);
    int cmdList(const QStringList &args);
    int cmdSearch(const QStringList &args);
    int cmdBackup(const QStringList &args);
    int cmdCheck();
    int cmdConflicts();
    int usage();

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_dbPath;
    bool m_json = false;
};

} // namespace gamix
