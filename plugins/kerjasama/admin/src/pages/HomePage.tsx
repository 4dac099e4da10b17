import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { t } from '../pluginId';

export const HomePage = () => {
  const { formatMessage } = useIntl();
  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: t('home.title'), defaultMessage: 'Kerjasama' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: t('home.title'), defaultMessage: 'Kerjasama' })}
        subtitle={formatMessage({ id: t('home.subtitle'), defaultMessage: 'Cooperation program planning (PR.28.1)' })}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Flex direction="column" alignItems="flex-start" gap={3}>
            <Link tag={RouterLink} to="retention">
              {formatMessage({ id: t('retention.title'), defaultMessage: 'Records retention report' })}
            </Link>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({ id: t('retention.subtitle'), defaultMessage: 'Records past their 5-year retention period' })}
            </Typography>
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
