import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { AccreditationPage } from './AccreditationPage';
import { EvaluationPage } from './EvaluationPage';
import { HomePage } from './HomePage';
import { DuplicatesPage } from './DuplicatesPage';
import { ImportPage } from './ImportPage';
import { MappingPage } from './MappingPage';
import { ParticipationPage } from './ParticipationPage';
import { ProgramPage } from './ProgramPage';
import { RecapPage } from './RecapPage';
import { RetentionPage } from './RetentionPage';
import { SurveyPage } from './SurveyPage';
import { TargetsPage } from './TargetsPage';
import { KeyboardScrollRegions } from '../planning/scroll-regions';

const App = () => (
  <KeyboardScrollRegions>
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="mapping" element={<MappingPage />} />
      <Route path="targets" element={<TargetsPage />} />
      <Route path="program" element={<ProgramPage />} />
      <Route path="evaluation" element={<EvaluationPage />} />
      <Route path="monitoring-recap" element={<RecapPage />} />
      <Route path="retention" element={<RetentionPage />} />
      <Route path="surveys" element={<SurveyPage />} />
      <Route path="participation" element={<ParticipationPage />} />
      <Route path="accreditation" element={<AccreditationPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="duplicate-partners" element={<DuplicatesPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </KeyboardScrollRegions>
);

export default App;
