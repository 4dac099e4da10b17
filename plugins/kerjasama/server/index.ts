import { routes } from './routes';
import { controllers } from './controllers';
import { services } from './services';
import { registerPermissionActions } from './permissions';
import { ensurePlanningIndexes } from './bootstrap';

export default {
  register: registerPermissionActions,
  bootstrap: ensurePlanningIndexes,
  routes,
  controllers,
  services,
};
