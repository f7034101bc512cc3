import { Initial1795468858356 } from './1795468858356-Initial';
import { TicketSequenceSearchAndNotify1795468858357 } from './1795468858357-TicketSequenceSearchAndNotify';
import { SlaClocks1795470300009 } from './1795470300009-SlaClocks';
import { Notifications1795470942979 } from './1795470942979-Notifications';
import { TicketClaims1795471500000 } from './1795471500000-TicketClaims';
import { IdentitySecurityAndPrivacy1795471526791 } from './1795471526791-IdentitySecurityAndPrivacy';
import { EscalationEmail1795472260323 } from './1795472260323-EscalationEmail';
import { BackOfficeSync1795478162596 } from './1795478162596-BackOfficeSync';
import { NotificationSendingLease1796509975756 } from './1796509975756-NotificationSendingLease';
import { OutboxWakeAfterCommit1796562895602 } from './1796562895602-OutboxWakeAfterCommit';
import { TicketAttachments1796643933087 } from './1796643933087-TicketAttachments';
import { LiveChat1796644924804 } from './1796644924804-LiveChat';
import { StandardAnswers1796646311904 } from './1796646311904-StandardAnswers';
import { CategoriesPerMunicipality1796661398324 } from './1796661398324-CategoriesPerMunicipality';
import { Teams1796677039734 } from './1796677039734-Teams';
import { MergedTickets1796686498031 } from './1796686498031-MergedTickets';
import { ExternalForwards1796687575247 } from './1796687575247-ExternalForwards';
import { OnCall1796688736758 } from './1796688736758-OnCall';
import { TeamRouting1796692245410 } from './1796692245410-TeamRouting';

// Every migration, in order. `npm run migration:generate` writes a new file here; add it below
// (the drift test fails until the entities and this list agree).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795468858356,
  TicketSequenceSearchAndNotify1795468858357,
  SlaClocks1795470300009,
  Notifications1795470942979,
  TicketClaims1795471500000,
  IdentitySecurityAndPrivacy1795471526791,
  EscalationEmail1795472260323,
  BackOfficeSync1795478162596,
  NotificationSendingLease1796509975756,
  OutboxWakeAfterCommit1796562895602,
  TicketAttachments1796643933087,
  LiveChat1796644924804,
  StandardAnswers1796646311904,
  CategoriesPerMunicipality1796661398324,
  Teams1796677039734,
  MergedTickets1796686498031,
  ExternalForwards1796687575247,
  OnCall1796688736758,
  TeamRouting1796692245410,
];
