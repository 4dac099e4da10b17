/** "Today" in Batam: owned by the pure dates module, which the public pages import too. */
export { todayInBatam } from '../domain/dates';
