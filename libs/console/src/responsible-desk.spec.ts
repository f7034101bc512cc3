import { BusinessCalendar } from '@meldpunt/sla';
import { responsibleDesk } from './responsible-desk';

const weekday: [string, string][] = [
  ['08:30', '12:00'],
  ['13:30', '17:00'],
];
const calendar = new BusinessCalendar({
  timezone: 'Europe/Brussels',
  weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
});
const kortrijk = { code: 'kortrijk', name: 'Kortrijk', timezone: 'Europe/Brussels' };

describe('responsibleDesk', () => {
  it('gives the municipality its own tickets while it is open', () => {
    const now = new Date('2027-03-24T10:00:00+01:00');
    const desk = responsibleDesk(kortrijk, calendar.openStatus(now), now);
    expect(desk).toMatchObject({
      open: true,
      responsibleDesk: 'municipal',
      changesAt: '2027-03-24T11:00:00.000Z',
    });
    expect(desk.reason.nl).toBe('Kortrijk is open tot 12:00');
  });

  it('hands them to the regional desk at the weekend, saying until when', () => {
    const now = new Date('2027-03-20T15:00:00+01:00');
    const desk = responsibleDesk(kortrijk, calendar.openStatus(now), now);
    expect(desk).toMatchObject({
      open: false,
      responsibleDesk: 'regional',
      changesAt: '2027-03-22T07:30:00.000Z',
    });
    expect(desk.reason).toEqual({
      nl: 'Kortrijk is gesloten tot maandag 08:30',
      fr: 'Kortrijk est fermé jusqu’à lundi 08:30',
      en: 'Kortrijk is closed until Monday 08:30',
    });
  });

  it('skips a public holiday: closed on Easter Monday until Tuesday', () => {
    const now = new Date('2027-03-29T10:00:00+02:00');
    expect(responsibleDesk(kortrijk, calendar.openStatus(now), now).reason.nl).toBe(
      'Kortrijk is gesloten tot dinsdag 08:30',
    );
  });
});
