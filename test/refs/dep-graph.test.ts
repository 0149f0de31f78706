import { DepGraph } from 'dependency-graph';
import fc from 'fast-check';
import { IndexedDepGraph } from '../../src/refs/dep-graph';

describe('IndexedDepGraph gives what DepGraph gives', () => {
  // Array indices are in too: DepGraph lists them first, in numeric order.
  const node = fc.constantFrom('#', '#/a', '#/a/b', '#/c', '#/d', '/x.json#/e', '10', '2', '0');
  const operation = fc.oneof(
    fc.record({ add: node }),
    fc.record({ addWithData: node, data: fc.option(fc.integer(), { nil: undefined }) }),
    fc.record({ set: node, data: fc.integer() }),
    fc.record({ from: node, to: node }),
    fc.record({ removeFrom: node, removeTo: node }),
    fc.record({ remove: node }),
  );

  it('on random graphs, cycles included: nodes and their data, edges, orders, dependencies, dependants and clones', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.boolean(), (operations, leavesOnly) => {
        const graphs = [new DepGraph<string>({ circular: true }), new IndexedDepGraph<string>()];
        const outcomes = graphs.map((graph) => {
          const errors: string[] = [];
          for (const step of operations) {
            try {
              if ('add' in step) graph.addNode(step.add);
              else if ('addWithData' in step) graph.addNode(step.addWithData, String(step.data));
              else if ('set' in step) graph.setNodeData(step.set, String(step.data));
              else if ('from' in step) graph.addDependency(step.from, step.to);
              else if ('removeFrom' in step) graph.removeDependency(step.removeFrom, step.removeTo);
              else graph.removeNode(step.remove);
            } catch (error) {
              errors.push((error as Error).message);
            }
          }
          const nodes = graph.overallOrder();
          const copy = graph.clone();
          const copied = () =>
            copy
              .overallOrder()
              .map((name) => [name, copy.getNodeData(name), copy.directDependenciesOf(name), copy.directDependantsOf(name)]);
          return {
            errors,
            size: graph.size(),
            data: nodes.map((name) => [graph.hasNode(name), graph.getNodeData(name)]),
            entryNodes: graph.entryNodes(),
            copy: (() => {
              try {
                return copied();
              } catch (error) {
                return (error as Error).message;
              }
            })(),
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
