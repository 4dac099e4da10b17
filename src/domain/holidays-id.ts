/**
 * Indonesian public holidays (hari libur nasional) and joint leave days (cuti bersama), as data:
 * the working-day count of the queue (src/domain/working-days.ts) skips them and the weekends.
 *
 * Sources:
 * - 2025: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1017/2024, 2/2024,
 *   2/2024 on hari libur nasional and cuti bersama 2025, with 18 August 2025 added as cuti bersama
 *   by the government in 2025.
 * - 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB on hari libur nasional and
 *   cuti bersama 2026 (signed September 2025).
 * - 2027: PROVISIONAL, from the Gregorian fixed dates and astronomical estimates of the Hijri,
 *   Saka, Chinese and Buddhist dates; replace with the SKB 2027 when it is published
 *   (`provisional: true` marks the whole year).
 * A year missing here counts only weekends as days off.
 */
import type { IsoDate } from './dates';

export type HolidayKind = 'national' | 'joint_leave';

export interface Holiday {
  date: IsoDate;
  kind: HolidayKind;
  name: { id: string; en: string };
}

const h = (date: IsoDate, kind: HolidayKind, id: string, en: string): Holiday => ({ date, kind, name: { id, en } });
const N = 'national' as const;
const J = 'joint_leave' as const;

export const INDONESIAN_HOLIDAYS: Readonly<Record<number, { source: string; provisional: boolean; days: readonly Holiday[] }>> = {
  2025: {
    source: 'SKB 3 Menteri No. 1017/2024, 2/2024, 2/2024 (libur nasional & cuti bersama 2025), cuti bersama 18 Agustus 2025',
    provisional: false,
    days: [
      h('2025-01-01', N, 'Tahun Baru 2025 Masehi', "New Year's Day"),
      h('2025-01-27', N, 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj"),
      h('2025-01-28', J, 'Cuti bersama Tahun Baru Imlek', 'Joint leave, Chinese New Year'),
      h('2025-01-29', N, 'Tahun Baru Imlek 2576 Kongzili', 'Chinese New Year'),
      h('2025-03-28', J, 'Cuti bersama Hari Suci Nyepi', 'Joint leave, Nyepi'),
      h('2025-03-29', N, 'Hari Suci Nyepi Tahun Baru Saka 1947', 'Nyepi'),
      h('2025-03-31', N, 'Idul Fitri 1446 H', 'Eid al-Fitr'),
      h('2025-04-01', N, 'Idul Fitri 1446 H', 'Eid al-Fitr'),
      h('2025-04-02', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2025-04-03', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2025-04-04', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2025-04-07', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2025-04-18', N, 'Wafat Yesus Kristus', 'Good Friday'),
      h('2025-04-20', N, 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
      h('2025-05-01', N, 'Hari Buruh Internasional', 'Labour Day'),
      h('2025-05-12', N, 'Hari Raya Waisak 2569 BE', 'Vesak'),
      h('2025-05-13', J, 'Cuti bersama Hari Raya Waisak', 'Joint leave, Vesak'),
      h('2025-05-29', N, 'Kenaikan Yesus Kristus', 'Ascension of Jesus'),
      h('2025-05-30', J, 'Cuti bersama Kenaikan Yesus Kristus', 'Joint leave, Ascension'),
      h('2025-06-01', N, 'Hari Lahir Pancasila', 'Pancasila Day'),
      h('2025-06-06', N, 'Idul Adha 1446 H', 'Eid al-Adha'),
      h('2025-06-09', J, 'Cuti bersama Idul Adha', 'Joint leave, Eid al-Adha'),
      h('2025-06-27', N, 'Tahun Baru Islam 1447 H', 'Islamic New Year'),
      h('2025-08-17', N, 'Hari Kemerdekaan Republik Indonesia', 'Independence Day'),
      h('2025-08-18', J, 'Cuti bersama Hari Kemerdekaan', 'Joint leave, Independence Day'),
      h('2025-09-05', N, 'Maulid Nabi Muhammad SAW', "Prophet's Birthday"),
      h('2025-12-25', N, 'Hari Raya Natal', 'Christmas Day'),
      h('2025-12-26', J, 'Cuti bersama Hari Raya Natal', 'Joint leave, Christmas'),
    ],
  },
  2026: {
    source: 'SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) tentang hari libur nasional dan cuti bersama 2026',
    provisional: false,
    days: [
      h('2026-01-01', N, 'Tahun Baru 2026 Masehi', "New Year's Day"),
      h('2026-01-16', N, 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj"),
      h('2026-02-16', J, 'Cuti bersama Tahun Baru Imlek', 'Joint leave, Chinese New Year'),
      h('2026-02-17', N, 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year'),
      h('2026-03-18', J, 'Cuti bersama Hari Suci Nyepi', 'Joint leave, Nyepi'),
      h('2026-03-19', N, 'Hari Suci Nyepi Tahun Baru Saka 1948', 'Nyepi'),
      h('2026-03-20', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2026-03-21', N, 'Idul Fitri 1447 H', 'Eid al-Fitr'),
      h('2026-03-22', N, 'Idul Fitri 1447 H', 'Eid al-Fitr'),
      h('2026-03-23', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2026-03-24', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2026-04-03', N, 'Wafat Yesus Kristus', 'Good Friday'),
      h('2026-04-05', N, 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
      h('2026-05-01', N, 'Hari Buruh Internasional', 'Labour Day'),
      h('2026-05-14', N, 'Kenaikan Yesus Kristus', 'Ascension of Jesus'),
      h('2026-05-15', J, 'Cuti bersama Kenaikan Yesus Kristus', 'Joint leave, Ascension'),
      h('2026-05-27', N, 'Idul Adha 1447 H', 'Eid al-Adha'),
      h('2026-05-28', J, 'Cuti bersama Idul Adha', 'Joint leave, Eid al-Adha'),
      h('2026-05-31', N, 'Hari Raya Waisak 2570 BE', 'Vesak'),
      h('2026-06-01', N, 'Hari Lahir Pancasila', 'Pancasila Day'),
      h('2026-06-16', N, 'Tahun Baru Islam 1448 H', 'Islamic New Year'),
      h('2026-08-17', N, 'Hari Kemerdekaan Republik Indonesia', 'Independence Day'),
      h('2026-08-25', N, 'Maulid Nabi Muhammad SAW', "Prophet's Birthday"),
      h('2026-12-24', J, 'Cuti bersama Hari Raya Natal', 'Joint leave, Christmas'),
      h('2026-12-25', N, 'Hari Raya Natal', 'Christmas Day'),
    ],
  },
  2027: {
    source: 'Perkiraan (provisional): tanggal tetap dan perkiraan astronomis; ganti dengan SKB 3 Menteri 2027',
    provisional: true,
    days: [
      h('2027-01-01', N, 'Tahun Baru 2027 Masehi', "New Year's Day"),
      h('2027-01-05', N, 'Isra Mikraj Nabi Muhammad SAW', "Isra Mi'raj"),
      h('2027-02-06', N, 'Tahun Baru Imlek 2578 Kongzili', 'Chinese New Year'),
      h('2027-03-09', N, 'Hari Suci Nyepi Tahun Baru Saka 1949', 'Nyepi'),
      h('2027-03-10', N, 'Idul Fitri 1448 H', 'Eid al-Fitr'),
      h('2027-03-11', N, 'Idul Fitri 1448 H', 'Eid al-Fitr'),
      h('2027-03-12', J, 'Cuti bersama Idul Fitri', 'Joint leave, Eid al-Fitr'),
      h('2027-03-26', N, 'Wafat Yesus Kristus', 'Good Friday'),
      h('2027-03-28', N, 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
      h('2027-05-01', N, 'Hari Buruh Internasional', 'Labour Day'),
      h('2027-05-06', N, 'Kenaikan Yesus Kristus', 'Ascension of Jesus'),
      h('2027-05-17', N, 'Idul Adha 1448 H', 'Eid al-Adha'),
      h('2027-05-20', N, 'Hari Raya Waisak 2571 BE', 'Vesak'),
      h('2027-06-01', N, 'Hari Lahir Pancasila', 'Pancasila Day'),
      h('2027-06-06', N, 'Tahun Baru Islam 1449 H', 'Islamic New Year'),
      h('2027-08-15', N, 'Maulid Nabi Muhammad SAW', "Prophet's Birthday"),
      h('2027-08-17', N, 'Hari Kemerdekaan Republik Indonesia', 'Independence Day'),
      h('2027-12-25', N, 'Hari Raya Natal', 'Christmas Day'),
    ],
  },
};

/** Every listed day off (holidays and joint leave), as one set of 'YYYY-MM-DD'. */
export const holidayDates = (table = INDONESIAN_HOLIDAYS): ReadonlySet<IsoDate> =>
  new Set(Object.values(table).flatMap((year) => year.days.map((day) => day.date)));
