import { DepGraph } from 'dependency-graph';
import fc from 'fast-check';
import { IndexedDepGraph } from '../../src/refs/dep-graph';

describe('IndexedDepGraph gives what DepGraph gives', () => {
  const node = fc.constantFrom('#', '#/a', '#/a/b', '#/c', '#/d', '/x.json#/e');
  const operation = fc.oneof(
    fc.record({ add: node }),
    fc.record({ from: node, to: node }),
    fc.record({ removeFrom: node, removeTo: node }),
    fc.record({ remove: node }),
  );

  it('on random graphs, cycles included: edges, overall order, dependencies and dependants', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.boolean(), (operations, leavesOnly) => {
        const graphs = [new DepGraph<string>({ circular: true }), new IndexedDepGraph<string>()];
        const outcomes = graphs.map((graph) => {
          const errors: string[] = [];
          for (const step of operations) {
            try {
              if ('add' in step) graph.addNode(step.add);
              else if ('from' in step) graph.addDependency(step.from, step.to);
              else if ('removeFrom' in step) graph.removeDependency(step.removeFrom, step.removeTo);
              else graph.removeNode(step.remove);
            } catch (error) {
              errors.push((error as Error).message);
            }
          }
          const nodes = graph.overallOrder();
          return {
            errors,
            order: graph.overallOrder(leavesOnly),
            edges: nodes.map((name) => [graph.directDependenciesOf(name), graph.directDependantsOf(name)]),
            dependencies: nodes.map((name) => graph.dependenciesOf(name)),
            dependants: nodes.map((name) => graph.dependantsOf(name)),
          };
        });
        expect(outcomes[1]).toEqual(outcomes[0]);
      }),
      { numRuns: 3000 },
    );
  });
});
