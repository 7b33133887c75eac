#pragma once
// Base of the undo commands: each user operation is one QUndoCommand subclass that calls
// Store operations (never SQL). The first redo() runs when the command is pushed; a
// command whose first run fails is not pushed (see UndoHelper::push), so the stack only
// holds what really happened.

#include "store/Store.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace gamix {

class StoreCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(StoreCommand)
public:
    explicit StoreCommand(Store *store)
        : m_store(store)
    { }
    const WriteResult &result() const { return m_result; }
    // Runs the first redo outside the stack; true when it succeeded.
    bool execute()
    {
        redo();
        m_executed = true;
        return m_result.ok;
    }
    // Pushes an executed command; the stack's redo() call is then a no-op.
    void redo() final
    {
        if (m_executed) {
            m_executed = false;
            return;
        }
        doRedo();
    }
    void undo() final { doUndo(); }

protected:
    virtual void doRedo() = 0;
    virtual void doUndo() = 0;
    static void notify(const EntityDef &entity);

    Store *m_store;
    WriteResult m_result;

private:
    bool m_executed = false;
};

} // namespace gamix
