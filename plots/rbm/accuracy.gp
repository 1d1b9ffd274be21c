# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), bar text.
$accuracy << EOD
rbm 86.042 0.000 "86.04%"
default 85.008 0.000 "85.01%"
xavier 84.767 0.000 "84.77%"
EOD
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'accuracy.png'
set title 'RBM pre-training against PyTorch'."'".'s default and Xavier (sigmoid network): validation accuracy'
set ylabel 'Validation accuracy (%)'
set yrange [0:105]
set xrange [-0.6:2.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics rotate by -25 scale 0
set xtics ('RBM pre-training (CD-1, 2 epochs a layer)' 0, 'PyTorch default' 1, 'Xavier uniform' 2)
set bmargin 7
plot $accuracy using 0:2 with boxes linecolor rgb '#4C72B0' notitle, \
     $accuracy using 0:2:3 with yerrorbars linecolor rgb 'black' pointtype -1 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',11' notitle
