#pragma once
// Converting a lead (LeadConverter). Undo tombstones what the conversion created and puts
// the lead's status back; redo restores those same records. Each direction is one batch.

#include "LeadConverter.h"
#include "StoreCommand.h"

namespace gamix {

class ConvertLeadCommand : public StoreCommand
{
public:
    ConvertLeadCommand(Store *store, const QString &leadId);
    const ConversionResult &conversion() const { return m_conversion; }

protected:
    void doRedo() override;
    void doUndo() override;

private:
    void notifyAll();
    QString m_leadId;
    ConversionResult m_conversion;
    bool m_done = false;
};

} // namespace gamix
