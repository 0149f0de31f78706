import { withThousands } from '../../src/shared/numbers';

test.each([0, 7, 999, 1000, 12345, 1234567, 1000000])('withThousands(%i) is what toLocaleString("en-US") writes', (count) => {
  expect(withThousands(count)).toBe(count.toLocaleString('en-US'));
});
