import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { HomePage } from './HomePage';
import { RetentionPage } from './RetentionPage';

const App = () => (
  <Routes>
    <Route index element={<HomePage />} />
    <Route path="retention" element={<RetentionPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
