# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot first-batches.gp` in this folder (reads first-batches.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'first-batches.png'
set title 'The first 100 batches: pre-trained vs not'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'first-batches.dat' using 1:2 with lines linewidth 2 title 'RBM pre-training (CD-1, 2 epochs a layer) (val. acc. 86.04%)', \
     '' using 1:3 with lines linewidth 2 title 'PyTorch default (val. acc. 85.01%)', \
     '' using 1:4 with lines linewidth 2 title 'Xavier uniform (val. acc. 84.77%)'
