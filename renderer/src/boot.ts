// Imported first by main.tsx, so it runs before every other module of the app: see startPlanLoad.
import { startPlanLoad } from './api/early-plan-load';

startPlanLoad();
